/**
 * Standard gateway middleware: applications that wrap other applications.
 *
 * <ul>
 *   <li>{@link io.gatehouse.middleware.Mount}: dispatches by path prefix, moving the prefix from
 *       {@code PATH_INFO} to {@code SCRIPT_NAME} so each application sees itself at the root.</li>
 *   <li>{@link io.gatehouse.middleware.CatchErrors}: turns an application's failure into a plain
 *       500 page and writes the stack trace to {@code gateway.errors}, never to the client.</li>
 * </ul>
 *
 * {@snippet :
 * Application site = CatchErrors.wrap(Mount.of()
 *     .at("/api", api)
 *     .at("/static", files)
 *     .fallback(pages));
 * }
 */
package io.gatehouse.middleware;
