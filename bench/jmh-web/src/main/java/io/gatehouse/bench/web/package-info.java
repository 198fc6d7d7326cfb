/**
 * JMH benchmarks of the framework ({@code gatehouse-web}); built only with the Maven profile
 * {@code bench-web}. See {@link io.gatehouse.bench.web.RouterBenchmark}.
 */
package io.gatehouse.bench.web;
