package io.gatehouse.middleware;

import io.gatehouse.spec.Environ;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the forwarding headers say about the client's hop: the first hop, from the right, that is
 * not one of our trusted proxies. Values are as sent; {@link ForwardedHeaders} checks each before
 * using it.
 *
 * @param client   the client node, or {@code null} when absent or unreadable
 * @param forValue the client's {@code for} value as sent, or {@code null}
 * @param proto    the scheme the client used, or {@code null}
 * @param host     the Host the client sent, or {@code null}
 * @param port     the port the client connected to (X-Forwarded-Port), or {@code null}
 */
record ForwardedHop(ForwardedNode client, String forValue, String proto, String host, String port) {

    /**
     * Reads RFC 7239 {@code Forwarded}. Each proxy appends one element, so the right-most element
     * was written by the trusted peer; walking left past elements whose {@code for} is a trusted
     * proxy, the first other element describes the client's own request, and its {@code proto} and
     * {@code host} are the ones the client used. When every hop is trusted, the left-most counts.
     *
     * @return the hop, or {@code null} when the field is absent or breaks the grammar
     */
    static ForwardedHop fromForwarded(String field, TrustedProxies trusted) {
        List<Map<String, String>> elements = field == null ? null : ForwardedField.parse(field);
        if (elements == null || elements.isEmpty()) {
            return null;
        }
        int chosen = 0;
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (!isTrusted(elements.get(i).get("for"), false, trusted)) {
                chosen = i;
                break;
            }
        }
        Map<String, String> element = elements.get(chosen);
        String forValue = element.get("for");
        ForwardedNode client = forValue == null ? null : ForwardedNode.parse(forValue, false);
        return new ForwardedHop(client, forValue, element.get("proto"), element.get("host"), null);
    }

    /**
     * Reads the de-facto X-Forwarded-For, -Proto, -Host and -Port fields. For X-Forwarded-For the
     * rule is the same as for {@code Forwarded}: the right-most address that is not a trusted
     * proxy. The other three are single values in practice; when a list arrives, the right-most
     * entry counts, since it was written by the proxy nearest to us.
     *
     * @return the hop, or {@code null} when none of the fields is present
     */
    static ForwardedHop fromXForwarded(Environ environ, TrustedProxies trusted) {
        List<String> addresses = entries(environ.header("X-Forwarded-For"));
        String proto = last(environ.header("X-Forwarded-Proto"));
        String host = last(environ.header("X-Forwarded-Host"));
        String port = last(environ.header("X-Forwarded-Port"));
        if (addresses.isEmpty() && proto == null && host == null && port == null) {
            return null;
        }
        String forValue = null;
        for (int i = addresses.size() - 1; i >= 0; i--) {
            forValue = addresses.get(i);
            if (!isTrusted(forValue, true, trusted)) {
                break;
            }
        }
        ForwardedNode client = forValue == null ? null : ForwardedNode.parse(forValue, true);
        return new ForwardedHop(client, forValue, proto, host, port);
    }

    private static boolean isTrusted(String forValue, boolean bareIpv6Allowed, TrustedProxies trusted) {
        ForwardedNode node = forValue == null ? null : ForwardedNode.parse(forValue, bareIpv6Allowed);
        return node != null && node.address() != null && trusted.contains(node.address());
    }

    private static List<String> entries(String field) {
        List<String> entries = new ArrayList<>();
        if (field != null) {
            for (String entry : field.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    private static String last(String field) {
        List<String> entries = entries(field);
        return entries.isEmpty() ? null : entries.getLast();
    }
}
