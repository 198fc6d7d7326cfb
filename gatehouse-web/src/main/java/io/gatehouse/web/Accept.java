package io.gatehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code Accept} field (RFC 9110, section 12.5.1), enough to choose between the
 * representations the framework itself produces (HTML and JSON error pages).
 *
 * {@snippet :
 * Accept.parse("application/json").prefersJson();                  // true
 * Accept.parse("text/html,application/json;q=0.9").prefersJson();  // false
 * Accept.parse(null).prefersJson();                                // false: HTML by default
 * }
 *
 * @param ranges the media ranges with their weights, in order
 */
public record Accept(List<Range> ranges) {

    /**
     * @param type    the type, or {@code *}
     * @param subtype the subtype, or {@code *}
     * @param q       the weight, 0 to 1
     */
    public record Range(String type, String subtype, double q) {
    }

    /** Copies the list. */
    public Accept {
        ranges = List.copyOf(ranges);
    }

    /**
     * @param header the field value, or {@code null} (which accepts anything)
     * @return the parsed field; malformed ranges are skipped
     */
    public static Accept parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return new Accept(List.of(new Range("*", "*", 1)));
        }
        for (String part : header.split(",")) {
            MediaType range = MediaType.parse(part);
            int slash = range.value().indexOf('/');
            if (slash <= 0) {
                continue;
            }
            double q = 1;
            String weight = range.parameter("q");
            if (weight != null) {
                try {
                    q = Math.max(0, Math.min(1, Double.parseDouble(weight)));
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            ranges.add(new Range(range.value().substring(0, slash), range.value().substring(slash + 1), q));
        }
        return new Accept(ranges);
    }

    /**
     * The weight of a media type: that of the most specific matching range (RFC 9110, 12.5.1).
     *
     * @param mediaType such as {@code "application/json"}
     * @return the weight, 0 when nothing matches
     */
    public double quality(String mediaType) {
        String[] parts = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
        int bestSpecificity = -1;
        double q = 0;
        for (Range range : ranges) {
            int specificity;
            if (range.type().equals(parts[0]) && range.subtype().equals(parts[1])) {
                specificity = 2;
            } else if (range.type().equals(parts[0]) && range.subtype().equals("*")) {
                specificity = 1;
            } else if (range.type().equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = range.q();
            }
        }
        return q;
    }

    /** @return whether JSON weighs more than HTML; on a tie, HTML wins */
    public boolean prefersJson() {
        return quality("application/json") > quality("text/html");
    }
}
