package io.gatehouse.middleware;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.Header;
import io.gatehouse.testing.TestClient;
import io.gatehouse.testing.TestResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessLogTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-25T06:00:00Z");

    private static final Application HELLO = (environ, startResponse) -> {
        startResponse.start("200 OK", List.of(Header.of("Content-Type", "text/plain"), Header.of("X-Id", "7")));
        return Body.of("hel".getBytes(StandardCharsets.US_ASCII), "lo".getBytes(StandardCharsets.US_ASCII));
    };

    private final List<String> lines = new ArrayList<>();
    private final LogSink sink = lines::add;

    /** Readings 1.5 ms apart: arrival, then the end; UTC-7 to show the offset in %t. */
    private static SteppingClock clock() {
        return new SteppingClock(ARRIVAL, Duration.ofNanos(1_500_000), ZoneOffset.ofHours(-7));
    }

    private AccessLog log(Application app) {
        return AccessLog.wrap(app, sink).clock(clock());
    }

    @Test
    void combinedFormatByDefault() {
        TestClient.of(log(HELLO)).get("/search?q=x").header("Referer", "http://ref.example/")
            .header("User-Agent", "curl/8.0").send();
        assertEquals(List.of("127.0.0.1 - - [24/Nov/2026:23:00:00 -0700] \"GET /search?q=x HTTP/1.1\" 200 5"
            + " \"http://ref.example/\" \"curl/8.0\""), lines);
    }

    @Test
    void missingValuesAreDashesAndEmptyBodyIsDashInPercentB() {
        Application empty = (environ, startResponse) -> {
            startResponse.start("204 No Content", List.of());
            return Body.empty();
        };
        TestClient.of(log(empty).format("%u %b %B \"%{Referer}i\" %{X-None}o %{NO_SUCH}e")).request("DELETE", "/x").send();
        assertEquals(List.of("- - 0 \"-\" - -"), lines);
    }

    @Test
    void everyAtom() {
        TestClient.of(log(HELLO).format("%m|%U|%q|%H|%s|%>s|%B|%f|%a|%T|%M|%D|%L|%{x-req}i|%{x-id}o|%{REMOTE_PORT}e|%l|%%|%h"))
            .post("/a/b?c=d&e").header("X-Req", "r1").header("Referer", "r").header("User-Agent", "ua").body("xyz").send();
        assertEquals(List.of("POST|/a/b|c=d&e|HTTP/1.1|200|200|5|r|ua|0|1|1500|0.001500|r1|7|50000|-|%|127.0.0.1"), lines);
    }

    @Test
    void durationAtomsRoundDown() {
        AccessLog slow = AccessLog.wrap(HELLO, sink).format("%T %M %D %L")
            .clock(new SteppingClock(ARRIVAL, Duration.ofNanos(2_345_678_999L), ZoneOffset.UTC));
        TestClient.of(slow).get("/").send();
        assertEquals(List.of("2 2345 2345678 2.345678"), lines);
    }

    @Test
    void processIdAtom() {
        TestClient.of(log(HELLO).format("%p")).get("/").send();
        assertEquals(List.of(Long.toString(ProcessHandle.current().pid())), lines);
    }

    @Test
    void requestValuesAreEscapedSoAClientCannotForgeALine() {
        TestClient.of(log(HELLO).format("\"%a\" %U")).get("/p%22q").header("User-Agent", "a\"b\\c\u00e9\u20ac").send();
        assertEquals(List.of("\"a\\\"b\\\\c\\xe9\\u20ac\" /p%22q"), lines);
        assertEquals("-", AccessLogFormat.text(""));
        assertEquals("\\x0a\\x7f\\x00", AccessLogFormat.text("\n\u007f\u0000"));
    }

    @Test
    void unknownAtomsFailInOneLine() {
        assertEquals("access log format \"%h %Z\" uses the unknown atom %Z at position 3",
            assertThrows(IllegalArgumentException.class, () -> log(HELLO).format("%h %Z")).getMessage());
        assertEquals("access log format \"%{Host}x\" uses %{...}x; only i, o and e take a name at position 0",
            assertThrows(IllegalArgumentException.class, () -> log(HELLO).format("%{Host}x")).getMessage());
        assertEquals("access log format \"%{Host\" has '{' without '}' at position 0",
            assertThrows(IllegalArgumentException.class, () -> log(HELLO).format("%{Host")).getMessage());
        assertEquals("access log format \"ends %\" ends in the middle of an atom at position 5",
            assertThrows(IllegalArgumentException.class, () -> log(HELLO).format("ends %")).getMessage());
    }

    @Test
    void writesTheLineWhenTheBodyIsClosedWithTheBytesReallySent() throws Exception {
        int[] closes = {0};
        Application streaming = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            return Body.of(List.of("ab".getBytes(StandardCharsets.US_ASCII), "cde".getBytes(StandardCharsets.US_ASCII)),
                () -> closes[0]++);
        };
        Environ environ = new Environ().put(Environ.REQUEST_METHOD, "GET").put(Environ.REQUEST_URI, "/s")
            .put(Environ.SERVER_PROTOCOL, "HTTP/1.1").put(Environ.REMOTE_ADDR, "192.0.2.1");
        Body body = log(streaming).format("%h %r %s %B %D").call(environ, (status, headers, excInfo) -> { });
        Iterator<byte[]> chunks = body.iterator();
        chunks.next();
        assertEquals(List.of(), lines, "nothing is logged before the body is closed");
        body.close();
        body.close();
        assertEquals(List.of("192.0.2.1 GET /s HTTP/1.1 200 2 1500"), lines, "one line, with the bytes produced");
        assertEquals(1, closes[0]);
    }

    @Test
    void logsTheReplacedStatusAfterExcInfo() {
        Application replacing = (environ, startResponse) -> {
            startResponse.start("200 OK", List.of());
            startResponse.start("503 Service Unavailable", List.of(Header.of("Retry-After", "5")), new IOException("db down"));
            return Body.of("busy");
        };
        TestClient.of(log(replacing).format("%s %b %{Retry-After}o")).get("/").send();
        assertEquals(List.of("503 4 5"), lines);
    }

    @Test
    void aFailingApplicationIsLoggedAs500AndTheFailurePropagates() {
        Application broken = (environ, startResponse) -> {
            throw new IllegalStateException("boom");
        };
        assertThrows(IllegalStateException.class, () -> TestClient.withoutValidation(log(broken).format("%s %b %D"))
            .get("/").send());
        assertEquals(List.of("500 - 1500"), lines);
    }

    @Test
    void aFailingSinkWritesOneErrorLineAndTheResponseIsUnaffected() {
        LogSink full = line -> {
            throw new IOException("No space left on device");
        };
        TestResponse r = TestClient.of(AccessLog.wrap(HELLO, full).clock(clock())).get("/").send();
        assertEquals("hello", r.text());
        assertEquals("AccessLog: cannot write the access log: No space left on device\n", r.errors());
    }

    @Test
    void jsonLines() {
        TestClient.of(log(HELLO).jsonLines()).get("/q?a=\"1\"").header("User-Agent", "tab\there").send();
        assertEquals(List.of("{\"time\":\"2026-11-24T23:00:00-07:00\",\"remote_addr\":\"127.0.0.1\",\"remote_user\":null,"
            + "\"method\":\"GET\",\"uri\":\"/q?a=\\\"1\\\"\",\"protocol\":\"HTTP/1.1\",\"status\":200,\"bytes\":5,"
            + "\"duration_us\":1500,\"referer\":null,\"user_agent\":\"tab\\there\"}"), lines);
    }

    @Test
    void jsonQuoting() {
        assertEquals("\"plain é € 😀\"", JsonLine.quote("plain é € 😀"));
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"", JsonLine.quote("\"\\\n\r\t\b\f\u0000\u001f\u007f"));
        assertEquals("\"a\\ud800b\\udc00\"", JsonLine.quote("a\ud800b\udc00"), "unpaired surrogates");
        assertEquals("\"/</script>\"", JsonLine.quote("/</script>"));
    }

    @Test
    void appendableSinkAddsLineBreaksAndFlushes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        TestClient client = TestClient.of(AccessLog.wrap(HELLO, LogSink.of(out)).format("%U %s").clock(clock()));
        client.get("/one").send();
        client.get("/two").send();
        assertEquals("/one 200\n/two 200\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
