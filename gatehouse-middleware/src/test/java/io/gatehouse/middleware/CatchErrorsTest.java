package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatchErrorsTest {

    private static final String SECRET = "password=hunter2";

    /** A body whose chunks are produced one by one; "!" makes that chunk throw. */
    private static Body chunks(int[] closes, String... parts) {
        Iterable<byte[]> produced = () -> java.util.Arrays.stream(parts).map(part -> {
            if (part.equals("!")) {
                throw new IllegalStateException("failed mid-body with " + SECRET);
            }
            return part.getBytes(StandardCharsets.UTF_8);
        }).iterator();
        return Body.of(produced, () -> closes[0]++);
    }

    private static void assertSafe500(TestResponse r) {
        assertEquals("500 Internal Server Error", r.statusLine());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertTrue(r.text().startsWith("500 Internal Server Error\n\nThe server hit an unexpected error"), r.text());
        assertFalse(r.text().contains(SECRET), r.text());
        assertFalse(r.text().contains("Exception"), r.text());
        assertFalse(r.text().contains("\tat "), r.text());
        assertTrue(r.errors().contains(SECRET), r.errors());
        assertTrue(r.errors().contains("\tat "), r.errors());
        assertEquals(errorId(r.text()), errorId(r.errors()));
    }

    private static String errorId(String text) {
        Matcher m = Pattern.compile("[Ee]rror(?: id:)? ([0-9a-f]{8})").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    @Test
    void passesAWorkingApplicationThrough() {
        int[] closes = {0};
        Application ok = (environ, startResponse) -> {
            startResponse.start("201 Created", List.of(Header.of("X-A", "1")));
            return chunks(closes, "a", "", "b");
        };
        TestResponse r = TestClient.of(CatchErrors.wrap(ok)).get("/").send();
        assertEquals("201 Created", r.statusLine());
        assertEquals(List.of(Header.of("X-A", "1")), r.headers());
        assertEquals("ab", r.text());
        assertEquals("", r.errors());
        assertEquals(1, closes[0]);
    }

    @Test
    void failureInCallBecomesA500WithoutTheTrace() {
        Application broken = (environ, startResponse) -> {
            throw new IllegalArgumentException("bad state: " + SECRET);
        };
        TestResponse r = TestClient.of(CatchErrors.wrap(broken)).get("/orders/9").send();
        assertSafe500(r);
        assertTrue(r.errors().startsWith("CatchErrors: error "), r.errors());
        assertTrue(r.errors().contains("GET /orders/9 failed, answered 500"), r.errors());
    }

    @Test
    void checkedExceptionsAreCaughtToo() {
        Application broken = (environ, startResponse) -> {
            throw new IOException("disk full, " + SECRET);
        };
        assertSafe500(TestClient.of(CatchErrors.wrap(broken)).get("/").send());
    }

    @Test
    void replacesHeadersTheApplicationHadStarted() {
        Application broken = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Set-Cookie", "session=abc")));
            throw new IllegalStateException(SECRET);
        };
        TestResponse r = TestClient.of(CatchErrors.wrap(broken)).get("/").send();
        assertSafe500(r);
        assertNull(r.header("Set-Cookie"));
    }

    @Test
    void failureInTheBodyBeforeAnyBytesBecomesA500() {
        int[] closes = {0};
        Application broken = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(Header.of("Content-Length", "5")));
            return chunks(closes, "", "!", "never");
        };
        TestResponse r = TestClient.of(CatchErrors.wrap(broken)).get("/").send();
        assertSafe500(r);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertEquals(1, closes[0]);
    }

    @Test
    void failureAfterHeadersWentOutAbortsTheResponse() {
        int[] closes = {0};
        IllegalStateException[] thrown = new IllegalStateException[1];
        Application broken = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            Iterable<byte[]> produced = () -> List.of("part", "!").stream().map(part -> {
                if (part.equals("!")) {
                    thrown[0] = new IllegalStateException("late failure");
                    throw thrown[0];
                }
                return part.getBytes(StandardCharsets.UTF_8);
            }).iterator();
            return Body.of(produced, () -> closes[0]++);
        };
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestClient.of(CatchErrors.wrap(broken))
            .get("/").environ("gateway.errors", new java.io.PrintStream(log, true, StandardCharsets.UTF_8)).send());
        assertSame(thrown[0], e);
        assertEquals(1, closes[0]);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("GET / failed, response aborted after it started"), logged);
        assertTrue(logged.contains("late failure"), logged);
    }

    @Test
    void errorsAreNotCaught() {
        Application broken = (environ, startResponse) -> {
            throw new StackOverflowError();
        };
        assertThrows(StackOverflowError.class, () -> TestClient.of(CatchErrors.wrap(broken)).get("/").send());
    }

    @Test
    void showingTracesPutsTheTraceInThePage() {
        Application broken = (environ, startResponse) -> {
            throw new IllegalStateException("visible in development");
        };
        TestResponse r = TestClient.of(CatchErrors.showingTraces(broken)).get("/").send();
        assertEquals(500, r.status());
        assertTrue(r.text().contains("java.lang.IllegalStateException: visible in development"), r.text());
        assertTrue(r.text().contains("\tat "), r.text());
    }
}
