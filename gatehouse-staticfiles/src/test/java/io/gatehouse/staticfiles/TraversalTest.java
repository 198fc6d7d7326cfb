package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every way a request path could try to leave the root gets a plain 404. */
class TraversalTest {

    @TempDir
    Path tmp;

    private Path root;
    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        root = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.createSymbolicLink(root.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), tmp);
        Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("hello.txt"));
        client = TestClient.of(new FileApplication(root));
    }

    /** The attempts the raw-socket suite sends too; each must be answered 404 without the secret. */
    static final String[] ATTEMPTS = {
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/sub%5c..%5c..%5csecret.txt",
        "/hello.txt%00.png", "/%00../secret.txt", "//../secret.txt", "/C:/secret.txt", "/c:%5csecret.txt",
        "/%252e%252e/secret.txt", "/leak.txt", "/outside/secret.txt", "/./hello.txt",
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
        "/..%2fsecret.txt", "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/sub%5c..%5c..%5csecret.txt",
        "/hello.txt%00.png", "/%00../secret.txt", "//../secret.txt", "/C:/secret.txt", "/c:%5csecret.txt",
        "/%252e%252e/secret.txt", "/leak.txt", "/outside/secret.txt", "/./hello.txt",
    })
    void attemptIsRefused(String target) {
        var r = client.get(target).send();
        assertEquals(404, r.status(), target);
        assertFalse(r.text().contains("SECRET"), target);
    }

    @Test
    void everyAttemptIsInTheSharedList() {
        assertEquals(17, ATTEMPTS.length);
    }

    @Test
    void absolutePathsStayUnderTheRoot() {
        assertEquals(404, client.get("/" + tmp.resolve("secret.txt")).send().status());
        assertEquals("hello", client.get("//hello.txt").send().text());
    }

    @Test
    void linksInsideTheRootAreServed() {
        assertEquals("hello", client.get("/inside.txt").send().text());
    }

    @Test
    void linksOutsideAreServedOnlyWhenAllowed() {
        TestClient trusting = TestClient.of(new FileApplication(root, FileOptions.defaults().withSymlinksOutside(true)));
        assertEquals("TOP SECRET", trusting.get("/leak.txt").send().text());
        assertEquals(404, trusting.get("/../secret.txt").send().status(), "dot-dot is never allowed");
    }

    @Test
    void listingsLeaveOutLinksThatLeaveTheRoot() {
        String page = client.get("/").send().text();
        assertFalse(page.contains("leak.txt"), page);
        assertFalse(page.contains("outside"), page);
    }
}
