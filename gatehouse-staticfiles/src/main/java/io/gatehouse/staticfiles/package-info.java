/**
 * Static files for the Gatehouse gateway interface: {@link io.gatehouse.staticfiles.FileApplication}
 * serves a directory tree (conditional requests, ranges, precompressed siblings, listings) and
 * {@link io.gatehouse.staticfiles.SharedData} puts one in front of another application.
 *
 * <p>Every request path goes through {@link io.gatehouse.staticfiles.DocumentRoot}, the single
 * place that decides whether a path stays inside the served directory.
 */
package io.gatehouse.staticfiles;
