package io.gatehouse.staticfiles;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Accept-Encoding} request header (RFC 9110, 12.5.3), read as the quality each content
 * coding gets.
 *
 * {@snippet :
 * AcceptEncoding accept = AcceptEncoding.parse("gzip;q=0.8, br");
 * accept.quality("br");      // 1.0
 * accept.quality("zstd");    // 0.0: not listed and no "*"
 * accept.best(List.of("br", "gzip"));   // "br"
 * }
 */
final class AcceptEncoding {

    private final Map<String, Double> qualities;
    private final double wildcard;

    private AcceptEncoding(Map<String, Double> qualities, double wildcard) {
        this.qualities = qualities;
        this.wildcard = wildcard;
    }

    /**
     * @param header the header value, or {@code null} when the request has none
     * @return the parsed preferences; with no header, no coding is acceptable (we do not guess)
     */
    static AcceptEncoding parse(String header) {
        Map<String, Double> qualities = new HashMap<>();
        double wildcard = 0;
        if (header != null) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                if (coding.isEmpty()) {
                    continue;
                }
                double q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.toLowerCase(Locale.ROOT).startsWith("q=")) {
                        q = qvalue(parameter.substring(2));
                    }
                }
                if (coding.equals("*")) {
                    wildcard = q;
                } else {
                    qualities.put(coding.equals("x-gzip") ? "gzip" : coding, q); // RFC 9110, 8.4.1.3
                }
            }
        }
        return new AcceptEncoding(qualities, wildcard);
    }

    /** @param coding a content coding @return its quality, 0 meaning "not acceptable" */
    double quality(String coding) {
        return qualities.getOrDefault(coding, wildcard);
    }

    /**
     * @param available codings that could be sent, most preferred first (ties go to the earlier)
     * @return the acceptable coding with the highest quality, or {@code null} when none is acceptable
     */
    String best(List<String> available) {
        String best = null;
        double bestQuality = 0;
        for (String coding : available) {
            double q = quality(coding);
            if (q > bestQuality) {
                best = coding;
                bestQuality = q;
            }
        }
        return best;
    }

    // RFC 9110, 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else is 0.
    private static double qvalue(String text) {
        String value = text.strip();
        if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return 0;
        }
        return Double.parseDouble(value);
    }
}
