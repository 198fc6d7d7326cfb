package io.gatehouse.staticfiles;

import io.gatehouse.spec.Body;
import io.gatehouse.spec.FileBody;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of a 206 response to a request for several ranges: a {@code multipart/byteranges}
 * message (RFC 9110, 14.6), each part with its own {@code Content-Type} and {@code Content-Range}.
 * Its length is known up front, so the response carries {@code Content-Length}.
 *
 * {@snippet :
 * MultipartRanges body = new MultipartRanges(channel, ranges, "text/plain; charset=utf-8", size);
 * startResponse.start("206 Partial Content", List.of(
 *     Header.of("Content-Type", body.contentType()),
 *     Header.of("Content-Length", Long.toString(body.length()))));
 * return body;
 * }
 */
final class MultipartRanges implements Body {

    private final FileChannel channel;
    private final List<ByteRange> ranges;
    private final List<byte[]> partHeads = new ArrayList<>();
    private final byte[] closing;
    private final String boundary;
    private final long length;

    /**
     * @param channel     the file, owned by this body from now on
     * @param ranges      two or more satisfiable ranges
     * @param contentType the file's media type, repeated in each part
     * @param total       the file's length
     */
    MultipartRanges(FileChannel channel, List<ByteRange> ranges, String contentType, long total) {
        this.channel = channel;
        this.ranges = List.copyOf(ranges);
        // 24 random hex digits: a boundary must not occur in the content (RFC 2046, 5.1.1).
        this.boundary = "gatehouse-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        long bytes = 0;
        for (ByteRange range : this.ranges) {
            byte[] head = ("\r\n--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                + range.contentRange(total) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            partHeads.add(head);
            bytes += head.length + range.length();
        }
        this.closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.length = bytes + closing.length;
    }

    /** @return the response's {@code Content-Type}, naming the boundary */
    String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public Iterator<byte[]> iterator() {
        List<Iterator<byte[]>> pieces = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            pieces.add(List.of(partHeads.get(i)).iterator());
            // Only the iterator is used: the channel is shared by every part and closed once, below.
            pieces.add(new FileBody(channel, ranges.get(i).first(), ranges.get(i).length()).iterator());
        }
        pieces.add(Collections.singletonList(closing).iterator());
        return new Iterator<>() {
            private int current;

            @Override
            public boolean hasNext() {
                while (current < pieces.size() && !pieces.get(current).hasNext()) {
                    current++;
                }
                return current < pieces.size();
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return pieces.get(current).next();
            }
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
