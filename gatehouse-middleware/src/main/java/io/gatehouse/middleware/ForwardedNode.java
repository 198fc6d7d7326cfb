package io.gatehouse.middleware;

import java.util.regex.Pattern;

/**
 * A node as RFC 7239 section 6 writes it: an IPv4 address, a bracketed IPv6 address,
 * {@code unknown}, or an obfuscated identifier ({@code _hidden}), optionally with {@code :port}
 * (digits, or an obfuscated {@code _port}). X-Forwarded-For entries use the same form and may also
 * carry an IPv6 address without brackets.
 *
 * @param address the node's IP address in the JDK's text form, or {@code null} for {@code unknown}
 *                and obfuscated identifiers
 * @param name    the node name as sent (without the port)
 * @param port    the port, or {@code -1} when absent or obfuscated
 */
record ForwardedNode(String address, String name, int port) {

    private static final Pattern OBFUSCATED = Pattern.compile("_[A-Za-z0-9._-]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /**
     * @param text           the node text
     * @param bareIpv6Allowed whether an IPv6 address may come without brackets (X-Forwarded-For)
     * @return the node, or {@code null} when the text is not a node
     */
    static ForwardedNode parse(String text, boolean bareIpv6Allowed) {
        String name = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return null;
            }
            name = text.substring(0, close + 1);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
            String inner = name.substring(1, name.length() - 1);
            byte[] bytes = inner.contains(":") ? IpAddress.parse(inner) : null;
            return bytes == null ? null : withPort(IpAddress.text(bytes), name, port);
        }
        if (bareIpv6Allowed && text.indexOf(':') != text.lastIndexOf(':')) {
            byte[] bytes = IpAddress.parse(text);
            return bytes == null ? null : new ForwardedNode(IpAddress.text(bytes), text, -1);
        }
        int colon = text.indexOf(':');
        if (colon >= 0) {
            name = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (name.equalsIgnoreCase("unknown") || OBFUSCATED.matcher(name).matches()) {
            return withPort(null, name, port);
        }
        byte[] bytes = IpAddress.parse(name);
        if (bytes == null || bytes.length != 4) {
            return null;
        }
        return withPort(IpAddress.text(bytes), name, port);
    }

    private static ForwardedNode withPort(String address, String name, String port) {
        if (port == null || OBFUSCATED.matcher(port).matches()) {
            return new ForwardedNode(address, name, -1);
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
            return null;
        }
        return new ForwardedNode(address, name, Integer.parseInt(port));
    }
}
