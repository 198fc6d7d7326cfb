package io.gatehouse.http;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of a PROXY protocol v1 line (spec, 2.1), checked token by token:
 * {@code "PROXY" SP ("TCP4" | "TCP6") SP src SP dst SP srcport SP dstport}, or
 * {@code "PROXY" SP "UNKNOWN"} followed by anything up to the CRLF, which is ignored.
 */
final class ProxyV1Line {

    // A dotted quad with no leading zeros: "010.0.0.1" is refused because readers disagree on
    // whether it is octal.
    private static final Pattern IPV4 = Pattern.compile(
        "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PORT = Pattern.compile("0|[1-9][0-9]{0,4}");

    private ProxyV1Line() {
    }

    /**
     * @param line   the line's bytes, starting with {@code "PROXY "}
     * @param length the number of bytes before the CRLF
     */
    static ProxyHeader parse(byte[] line, int length) throws ProxyProtocolException {
        String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
        String rest = text.substring("PROXY ".length());
        if (rest.equals("UNKNOWN") || rest.startsWith("UNKNOWN ")) {
            return new ProxyHeader(1, ProxyHeader.Command.PROXY, ProxyHeader.Family.UNSPEC,
                ProxyHeader.Transport.UNSPEC, null, -1, null, -1, List.of());
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new ProxyProtocolException(String.format(
                    "PROXY v1: byte %d is 0x%02x, not a printable character", 6 + i, (int) c));
            }
        }
        String[] tokens = rest.split(" ", -1);
        if (tokens.length != 5) {
            throw new ProxyProtocolException("PROXY v1: expected protocol, two addresses and two ports separated by"
                + " single spaces, got \"" + text + "\"");
        }
        ProxyHeader.Family family = switch (tokens[0]) {
            case "TCP4" -> ProxyHeader.Family.INET;
            case "TCP6" -> ProxyHeader.Family.INET6;
            default -> throw new ProxyProtocolException(
                "PROXY v1: protocol \"" + tokens[0] + "\" is not TCP4, TCP6 or UNKNOWN");
        };
        String source = address(family, tokens[1], "source");
        String destination = address(family, tokens[2], "destination");
        return new ProxyHeader(1, ProxyHeader.Command.PROXY, family, ProxyHeader.Transport.STREAM,
            source, port(tokens[3], "source"), destination, port(tokens[4], "destination"), List.of());
    }

    private static String address(ProxyHeader.Family family, String token, String role)
        throws ProxyProtocolException {
        if (family == ProxyHeader.Family.INET) {
            if (!IPV4.matcher(token).matches()) {
                throw new ProxyProtocolException("PROXY v1: " + role + " address \"" + token
                    + "\" is not a dotted-quad IPv4 address");
            }
            return token;
        }
        // RFC 4291, 2.2: hex groups, "::" and an optional dotted-quad tail; no zone id, no brackets.
        try {
            if (!token.contains(":") || !IPV6_CHARACTERS.matcher(token).matches()) {
                throw new IllegalArgumentException(token);
            }
            return Inet6Address.ofLiteral(token).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw new ProxyProtocolException("PROXY v1: " + role + " address \"" + token
                + "\" is not an IPv6 address");
        }
    }

    private static int port(String token, String role) throws ProxyProtocolException {
        if (!PORT.matcher(token).matches() || Integer.parseInt(token) > 65535) {
            throw new ProxyProtocolException("PROXY v1: " + role + " port \"" + token
                + "\" is not a number from 0 to 65535 without leading zeros");
        }
        return Integer.parseInt(token);
    }
}
