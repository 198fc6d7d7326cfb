/**
 * JMH microbenchmarks of Gatehouse's hot paths, each reporting time and, with {@code -prof gc},
 * bytes allocated per operation.
 *
 * {@snippet :
 * // mvn -q -B -Pbench -pl bench/jmh -am package -DskipTests
 * // java -jar bench/jmh/target/benchmarks.jar -prof gc
 * }
 */
package io.gatehouse.bench.jmh;
