package io.gatehouse.server;

import io.gatehouse.testing.RawClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipelined requests (RFC 9112, section 9.3.2): answered in order, and answered together, as
 * Netty and nginx do: the output is written when no complete request is left in what was read
 * and nothing more has arrived, not once per response.
 */
class PipeliningTest {

    @Test
    void sixteenRequestsInOneWriteGetSixteenResponsesInOrderInOneWrite() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= 16; i++) {
                batch.append("GET /").append(i).append(" HTTP/1.1\r\nHost: 127.0.0.1:19000\r\n\r\n");
            }
            assertTrue(batch.length() > 512, "longer than what an idle connection reads at first");
            client.send(batch.toString());
            for (int i = 1; i <= 16; i++) {
                RawClient.RawResponse response = client.readResponse();
                assertEquals(200, response.status());
                assertEquals("/" + i + "\n\n/" + i + "\n127.0.0.1:19000\n", response.bodyText());
            }
            ServerStats stats = running.server.stats();
            assertEquals(16, stats.responses(2));
            assertEquals(1, stats.writes(), "16 responses coalesced into one write");
        }
    }

    @Test
    void aPendingResponseLeavesWhenTheNextRequestStopsHalfway() throws Exception {
        try (RunningServer running = new RunningServer(Apps.PATH); RawClient client = running.connect()) {
            client.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHo");
            assertEquals("/a\n\n/a\nh:80\n", client.readResponse().bodyText(),
                "the client may wait for the first answer before it sends the rest");
            client.send("st: h\r\n\r\n");
            assertEquals("/b\n\n/b\nh:80\n", client.readResponse().bodyText());
            assertEquals(2, running.server.stats().writes());
        }
    }

    @Test
    void oneRequestPerWriteIsAnsweredAtOnce() throws Exception {
        try (RunningServer running = new RunningServer(Apps.HELLO); RawClient client = running.connect()) {
            for (int i = 1; i <= 3; i++) {
                client.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
                assertEquals("Hello, World!\n", client.readResponse().bodyText());
                assertEquals(i, running.server.stats().writes());
            }
        }
    }
}
