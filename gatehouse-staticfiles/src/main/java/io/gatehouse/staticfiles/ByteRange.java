package io.gatehouse.staticfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One satisfiable byte range of a representation, both ends inclusive, and the parser of the
 * {@code Range} request header (RFC 9110, 14.1.2 and 14.2).
 *
 * {@snippet :
 * ByteRange.parse("bytes=0-99, -10", 1000);   // Optional[[0-99, 990-999]]
 * ByteRange.parse("bytes=5000-", 1000);       // Optional[[]]: unsatisfiable, answer 416
 * ByteRange.parse("items=1-2", 1000);         // Optional.empty(): ignore Range, answer 200
 * }
 *
 * @param first the offset of the first byte
 * @param last  the offset of the last byte, {@code >= first}
 */
public record ByteRange(long first, long last) {

    /** More ranges than this in one request are ignored as a whole (RFC 9110, 14.2: a server MAY ignore Range). */
    public static final int MAX_RANGES = 100;

    /** @return how many bytes the range holds */
    public long length() {
        return last - first + 1;
    }

    /**
     * @param total the representation's length
     * @return the {@code Content-Range} value, {@code bytes first-last/total} (RFC 9110, 14.4)
     */
    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * Reads a {@code Range} header against a representation of {@code length} bytes.
     *
     * @param header the header value
     * @param length the representation's length
     * @return empty when the header is to be ignored (another unit, bad syntax, too many ranges);
     *         otherwise the satisfiable ranges, sorted and with overlaps merged, which is an empty
     *         list when none is satisfiable (answer 416)
     */
    public static Optional<List<ByteRange>> parse(String header, long length) {
        int equals = header.indexOf('=');
        // RFC 9110, 14.1: range units are case-insensitive; only "bytes" is known here.
        if (equals < 0 || !header.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        List<ByteRange> ranges = new ArrayList<>();
        int specs = 0;
        for (String element : header.substring(equals + 1).split(",", -1)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                continue; // RFC 9110, 5.6.1: empty list elements are allowed and ignored
            }
            if (++specs > MAX_RANGES) {
                return Optional.empty();
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return Optional.empty();
            }
            String from = spec.substring(0, dash);
            String to = spec.substring(dash + 1);
            if (from.isEmpty()) {
                long suffix = number(to); // suffix-range: the last N bytes
                if (suffix < 0) {
                    return Optional.empty();
                }
                if (suffix > 0 && length > 0) {
                    ranges.add(new ByteRange(Math.max(0, length - suffix), length - 1));
                }
                continue;
            }
            long first = number(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
            if (first < 0 || last < 0 || last < first) {
                return Optional.empty(); // RFC 9110, 14.1.2: last < first makes the whole header invalid
            }
            if (first < length) {
                ranges.add(new ByteRange(first, Math.min(last, length - 1)));
            }
        }
        if (specs == 0) {
            return Optional.empty();
        }
        return Optional.of(merged(ranges));
    }

    // RFC 9110, 14.2: a server MAY coalesce overlapping ranges; it also defuses requests for many
    // small overlapping ranges, which would cost far more to send than the file itself.
    private static List<ByteRange> merged(List<ByteRange> ranges) {
        if (ranges.size() < 2) {
            return ranges;
        }
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>();
        ByteRange current = sorted.getFirst();
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }

    /** @return the decimal value, {@link Long#MAX_VALUE} when too large, -1 when not digits */
    private static long number(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
