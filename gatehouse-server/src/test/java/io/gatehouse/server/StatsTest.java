package io.gatehouse.server;

import io.gatehouse.http.Violation;
import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ServerStats counts what happened on the wire. */
class StatsTest {

    @Test
    void countsConnectionsRequestsResponsesRejectionsAndBytes() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO)) {
            String request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
            try (RawClient client = running.connect()) {
                client.send(request + request);
                client.readResponse();
                client.readResponse();
            }
            try (RawClient client = running.connect()) {
                client.send("GET / HTTP/1.1\r\n\r\n");
                RejectionTest.assertRejected(client, Violation.MISSING_HOST);
            }
            ServerStats stats = running.server.stats();
            assertEquals(2, stats.connectionsAccepted());
            assertEquals(2, stats.requests(), "a rejected head is no request");
            assertEquals(2, stats.responses(2));
            assertEquals(1, stats.responses(4));
            assertEquals(1, stats.rejections(Violation.MISSING_HOST));
            assertEquals(2L * request.length() + "GET / HTTP/1.1\r\n\r\n".length(), stats.bytesIn());
            assertTrue(stats.bytesOut() > 2 * 100, "two hello responses and a 400");
            for (int i = 0; i < 100 && stats.connectionsOpen() > 0; i++) {
                Thread.sleep(10);   // the server side closes after the client's close is seen
            }
            assertEquals(0, stats.connectionsOpen());
        }
    }
}
