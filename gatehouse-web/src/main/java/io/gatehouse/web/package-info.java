/**
 * Gatehouse's web framework: one routing core ({@link io.gatehouse.web.Router}) behind two front
 * doors, Pyramid's {@link io.gatehouse.web.Configurator} and Flask's {@link io.gatehouse.web.App},
 * built on the gateway spec only, so the result runs under any compliant server.
 *
 * {@snippet :
 * App app = new App("notes");
 * app.get("/notes/{id:int}", "note", request -> notes.get(request.param("id", Integer.class)));
 * Application gateway = app.application();     // hand this to a server
 * }
 *
 * <p>Views get a {@link io.gatehouse.web.Request} and return a {@link io.gatehouse.web.Response}
 * (or text, or a value sent as JSON); {@link io.gatehouse.web.HttpError} is the error that is also a
 * response. See {@code docs/framework.md}.
 */
package io.gatehouse.web;
