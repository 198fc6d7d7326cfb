package examples.pyramid;

import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelloPyramidTest {

    @Test
    void answersHelloAsTheSeedShows() {
        TestResponse r = TestClient.of(HelloPyramid.app).get("/hello").send();
        assertEquals("200 OK", r.statusLine());
        assertEquals(List.of(Header.of("Content-Type", "text/plain; charset=utf-8"), Header.of("Content-Length", "26")),
            r.headers());
        assertEquals("Hello world from Pyramid!\n", r.text());
    }

    @Test
    void otherPathsAre404() {
        assertEquals(404, TestClient.of(HelloPyramid.app).get("/").send().status());
    }
}
