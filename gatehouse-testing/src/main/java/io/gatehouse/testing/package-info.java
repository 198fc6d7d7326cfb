/**
 * Test tools for gateway applications and servers.
 *
 * <p>{@link io.gatehouse.testing.TestClient} calls an application in process, with no sockets, the
 * way a server would (the counterpart of werkzeug's {@code Client}):
 *
 * {@snippet :
 * TestClient client = TestClient.of(app);            // runs the app under the Validator
 * TestResponse r = client.get("/hello?name=Ada").header("Accept", "text/plain").send();
 * assertEquals(200, r.status());
 * assertEquals("Hello, Ada!", r.text());
 * }
 */
package io.gatehouse.testing;
