package io.gatehouse.cli;

import io.gatehouse.middleware.LogSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that hands every complete line to a {@link LogSink}, so a {@code PrintStream}
 * (the server's error log, {@code System.err}) can write to a reopenable {@code LogFile} one whole
 * line at a time.
 *
 * {@snippet :
 * PrintStream errors = new PrintStream(new LineOutputStream(LogFile.open(path)), true, StandardCharsets.UTF_8);
 * }
 */
final class LineOutputStream extends OutputStream {

    private final LogSink sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineOutputStream(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            sink.writeLine(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }
}
