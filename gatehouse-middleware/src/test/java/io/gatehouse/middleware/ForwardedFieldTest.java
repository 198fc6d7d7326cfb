package io.gatehouse.middleware;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForwardedFieldTest {

    @Test
    void parsesElementsPairsAndQuotedStrings() {
        assertEquals(List.of(Map.of("for", "192.0.2.43"), Map.of("for", "[2001:db8:cafe::17]", "proto", "https"),
                Map.of("for", "unknown", "by", "a \"quoted\" name")),
            ForwardedField.parse("for=192.0.2.43, For=\"[2001:db8:cafe::17]\";PROTO=https ,"
                + "for=unknown;by=\"a \\\"quoted\\\" name\""));
    }

    @Test
    void skipsEmptyElementsAndAllowsSpacesAroundSemicolons() {
        assertEquals(List.of(Map.of("for", "a"), Map.of("for", "b", "proto", "http")),
            ForwardedField.parse(" , for=a,,for=b ; proto=http , "));
        assertEquals(List.of(), ForwardedField.parse(""));
    }

    @Test
    void rejectsBrokenSyntax() {
        assertNull(ForwardedField.parse("for"), "no value");
        assertNull(ForwardedField.parse("for="), "empty value");
        assertNull(ForwardedField.parse("for=\"\""), "empty quoted value");
        assertNull(ForwardedField.parse("for=a;for=b"), "parameter twice in one element (RFC 7239, 4)");
        assertNull(ForwardedField.parse("for=\"unterminated"), "open quote");
        assertNull(ForwardedField.parse("for=\"ends in \\"), "dangling backslash");
        assertNull(ForwardedField.parse("for=[::1]"), "brackets need quotes");
        assertNull(ForwardedField.parse("for=a b"), "space inside");
        assertNull(ForwardedField.parse("for=\"a\u0001\""), "control character");
    }

    @Test
    void nodes() {
        assertEquals(new ForwardedNode("192.0.2.43", "192.0.2.43", 47011), ForwardedNode.parse("192.0.2.43:47011", false));
        assertEquals(new ForwardedNode("2001:db8:cafe:0:0:0:0:17", "[2001:db8:cafe::17]", -1),
            ForwardedNode.parse("[2001:db8:cafe::17]", false));
        assertEquals(new ForwardedNode(null, "_SEVKISEK", -1), ForwardedNode.parse("_SEVKISEK", false));
        assertEquals(new ForwardedNode(null, "unknown", 8080), ForwardedNode.parse("unknown:8080", false));
        assertEquals(new ForwardedNode("192.0.2.43", "192.0.2.43", -1), ForwardedNode.parse("192.0.2.43:_p1", false));
        assertNull(ForwardedNode.parse("2001:db8::1", false), "RFC 7239 needs brackets for IPv6");
        assertEquals("2001:db8:0:0:0:0:0:1", ForwardedNode.parse("2001:db8::1", true).address());
        assertNull(ForwardedNode.parse("192.0.2.43:65536", false));
        assertNull(ForwardedNode.parse("[192.0.2.43]", false));
        assertNull(ForwardedNode.parse("[::1]x", false));
        assertNull(ForwardedNode.parse("example.com", false));
        assertNull(ForwardedNode.parse("_", false));
    }
}
