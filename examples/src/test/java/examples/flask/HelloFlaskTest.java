package examples.flask;

import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelloFlaskTest {

    @Test
    void answersHelloAsTheSeedShows() {
        TestResponse r = TestClient.of(HelloFlask.app).get("/hello").send();
        assertEquals("200 OK", r.statusLine());
        assertEquals(List.of(Header.of("Content-Type", "text/plain; charset=utf-8"), Header.of("Content-Length", "24")),
            r.headers());
        assertEquals("Hello world from Flask!\n", r.text());
    }

    @Test
    void headHasTheHeadersAndNoBodyAndPostIs405() {
        TestClient client = TestClient.of(HelloFlask.app);
        TestResponse head = client.head("/hello").send();
        assertEquals("24", head.header("Content-Length"));
        assertEquals(0, head.body().length);
        TestResponse post = client.post("/hello").send();
        assertEquals(405, post.status());
        assertEquals("GET, HEAD, OPTIONS", post.header("Allow"));
    }
}
