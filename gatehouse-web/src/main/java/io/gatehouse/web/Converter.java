package io.gatehouse.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one placeholder of a path template into a typed value, and back for {@code urlFor}.
 *
 * <p>A template names its converter after a colon: {@code {id:int}}, {@code {key:uuid}},
 * {@code {rest:path}}; a bare {@code {slug}} uses {@link #STRING}. A converter that does not accept a
 * segment returns {@code null}, and the router tries the next candidate route instead.
 *
 * {@snippet :
 * Object id = Converter.INT.toValue("42");       // Integer 42
 * Object none = Converter.INT.toValue("abc");    // null: "/notes/abc" does not match {id:int}
 * String segment = Converter.INT.toSegment(42);  // "42"
 * }
 */
public interface Converter {

    /** One non-empty segment, as text (the default). */
    Converter STRING = new Converter() {
        @Override
        public Object toValue(String segment) {
            return segment.isEmpty() ? null : segment;
        }

        @Override
        public int priority() {
            return 9;
        }
    };

    /** A non-negative decimal integer that fits an {@code int}, without sign or leading zeros. */
    Converter INT = new Converter() {
        @Override
        public Object toValue(String segment) {
            if (segment.isEmpty() || segment.length() > 10 || (segment.length() > 1 && segment.charAt(0) == '0')) {
                return null;
            }
            for (int i = 0; i < segment.length(); i++) {
                if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                    return null;
                }
            }
            long value = Long.parseLong(segment);
            return value > Integer.MAX_VALUE ? null : (int) value;
        }

        @Override
        public Class<?> valueType() {
            return Integer.class;
        }

        @Override
        public String toSegment(Object value) {
            if (!(value instanceof Integer) && !(value instanceof Long) && !(value instanceof Short)) {
                throw new IllegalArgumentException("an int parameter needs an integer, got " + value);
            }
            return value.toString();
        }
    };

    /** A UUID in its canonical 36-character form, any case. */
    Converter UUID_TEXT = new Converter() {
        @Override
        public Object toValue(String segment) {
            if (segment.length() != 36) {
                return null;
            }
            try {
                return UUID.fromString(segment);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public Class<?> valueType() {
            return UUID.class;
        }

        @Override
        public String toSegment(Object value) {
            return value.toString().toLowerCase(Locale.ROOT);
        }
    };

    /**
     * The rest of the path, slashes included; only allowed as a template's last placeholder. It may be
     * empty: {@code /files/{rest:path}} takes {@code /files/} with {@code rest} = {@code ""}.
     */
    Converter PATH = new Converter() {
        @Override
        public Object toValue(String rest) {
            return rest;
        }

        @Override
        public boolean greedy() {
            return true;
        }

        @Override
        public int priority() {
            return 10;
        }
    };

    /** The converters a template may name. */
    Map<String, Converter> STANDARD = Map.of("str", STRING, "string", STRING, "int", INT, "uuid", UUID_TEXT,
        "path", PATH);

    /**
     * @param segment one percent-decoded path segment (for a greedy converter: the rest of the path)
     * @return the value, or {@code null} when the segment does not fit
     */
    Object toValue(String segment);

    /**
     * The inverse of {@link #toValue}, for reverse routing; the result is percent-encoded later.
     *
     * @param value the parameter value
     * @return the decoded segment text
     * @throws IllegalArgumentException when the value cannot be this converter's
     */
    default String toSegment(Object value) {
        return value.toString();
    }

    /** @return the class of the values {@link #toValue} returns, checked against view parameters */
    default Class<?> valueType() {
        return String.class;
    }

    /** @return whether the converter takes the rest of the path rather than one segment */
    default boolean greedy() {
        return false;
    }

    /**
     * When several placeholders could match the same segment, the lower priority is tried first, so
     * {@code {id:int}} wins over {@code {slug}} on {@code /notes/7}.
     *
     * @return the order among alternatives
     */
    default int priority() {
        return 5;
    }
}
