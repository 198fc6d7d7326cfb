package io.gatehouse.spec;

import java.util.Objects;

/**
 * One header (or trailer) field: a name and a value, as they go on the wire.
 *
 * <p>Names compare case-insensitively in HTTP; use {@link #is(String)} for that. The record does
 * not validate its content: servers reject fields that are not valid on the wire (see
 * {@code docs/spec.md}, "Response headers"), and the {@code Validator} reports them.
 *
 * @param name  the field name, for example {@code "Content-Type"}
 * @param value the field value, without leading or trailing whitespace
 */
public record Header(String name, String value) {

    /** Checks that neither part is {@code null}. */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Makes a field.
     *
     * @param name  the field name
     * @param value the field value
     * @return the field
     */
    public static Header of(String name, String value) {
        return new Header(name, value);
    }

    /**
     * Tells whether this field has the given name, ignoring ASCII case.
     *
     * @param otherName a field name
     * @return {@code true} when the names are equal ignoring case
     */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
