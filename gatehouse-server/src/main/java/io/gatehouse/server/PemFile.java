package io.gatehouse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The blocks of a PEM file (RFC 7468): {@code -----BEGIN LABEL-----}, base64 lines,
 * {@code -----END LABEL-----}. Text outside the blocks (OpenSSL's "Bag Attributes", comments) is
 * ignored, as RFC 7468 section 2 allows. Written here because the JDK's {@code PEMDecoder} is a
 * preview API in JDK 25.
 *
 * <p>Every failure is an {@link IllegalArgumentException} with one line that names the file.
 */
final class PemFile {

    /** One decoded block. @param label the text after BEGIN, such as {@code CERTIFICATE} @param der its bytes */
    record Block(String label, byte[] der) {
    }

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemFile() {
    }

    /**
     * @param file the file to read
     * @param role what the file is for, as the error line says it ("certificate file")
     * @return its blocks, in order; at least one
     * @throws IllegalArgumentException when the file cannot be read or holds no well-formed block
     */
    static List<Block> read(Path file, String role) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(role + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + role + " " + file + ": " + e.getMessage());
        }
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while ((at = text.indexOf(BEGIN, at)) >= 0) {
            int labelEnd = text.indexOf(DASHES, at + BEGIN.length());
            int lineEnd = text.indexOf('\n', at);
            if (labelEnd < 0 || lineEnd >= 0 && labelEnd > lineEnd) {
                throw new IllegalArgumentException(role + " " + file + ": malformed BEGIN line");
            }
            String label = text.substring(at + BEGIN.length(), labelEnd);
            String endLine = END + label + DASHES;
            int end = text.indexOf(endLine, labelEnd);
            if (end < 0) {
                throw new IllegalArgumentException(role + " " + file + ": no '" + endLine + "' line");
            }
            String base64 = text.substring(labelEnd + DASHES.length(), end);
            if (base64.contains(":")) {
                // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED" (a legacy encrypted key)
                throw new IllegalArgumentException(role + " " + file + ": the " + label
                    + " block is encrypted; decrypt it with 'openssl pkey -in FILE -out FILE.plain'");
            }
            try {
                blocks.add(new Block(label, Base64.getMimeDecoder().decode(base64)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(role + " " + file + ": the " + label + " block is not valid base64");
            }
            at = end + endLine.length();
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(role + " " + file + " is not PEM (no '-----BEGIN' line)");
        }
        return blocks;
    }
}
