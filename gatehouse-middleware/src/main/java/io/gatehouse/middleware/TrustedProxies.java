package io.gatehouse.middleware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses whose forwarding headers are believed: Gunicorn's {@code --forwarded-allow-ips}.
 *
 * <p>A comma-separated list of IPv4 and IPv6 addresses and CIDR ranges, or {@code *} for every
 * address. The default is {@code 127.0.0.1,::1}: a proxy on the same machine. An IPv4-mapped IPv6
 * address ({@code ::ffff:10.0.0.1}) matches as the IPv4 address it carries.
 *
 * {@snippet :
 * TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, ::1, 10.0.0.0/8, fd00::/8");
 * proxies.contains("10.1.2.3");   // true
 * proxies.contains("192.0.2.1");  // false
 * }
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TrustedProxies {

    /** The default list: loopback only. */
    public static final String DEFAULT = "127.0.0.1,::1";

    private final List<Range> ranges;
    private final boolean everyone;
    private final String text;

    private TrustedProxies(List<Range> ranges, boolean everyone, String text) {
        this.ranges = List.copyOf(ranges);
        this.everyone = everyone;
        this.text = text;
    }

    /** @return the default, {@value #DEFAULT} */
    public static TrustedProxies loopback() {
        return parse(DEFAULT);
    }

    /**
     * Reads a list such as {@code "127.0.0.1,::1,10.0.0.0/8"}.
     *
     * @param list the comma-separated entries; spaces around entries are ignored; an empty list
     *             trusts no one
     * @return the trusted set
     * @throws IllegalArgumentException naming the first entry that is not an address, a range or {@code *}
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        boolean everyone = false;
        if (list.isBlank()) {
            return new TrustedProxies(ranges, false, "");
        }
        for (String raw : list.split(",", -1)) {
            String entry = raw.strip();
            if (entry.equals("*")) {
                everyone = true;
                continue;
            }
            ranges.add(range(entry));
        }
        return new TrustedProxies(ranges, everyone, list.strip());
    }

    /**
     * @param address an IP address in text form; {@code null} or anything else is not trusted
     * @return whether it is in the list
     */
    public boolean contains(String address) {
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return false;
        }
        if (everyone) {
            return true;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** @return the list as it was given */
    @Override
    public String toString() {
        return text;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            throw new IllegalArgumentException("forwarded-allow-ips: \"" + entry
                + "\" is not an IP address, a CIDR range or *");
        }
        int bits = bytes.length * 8;
        int written = address.contains(":") ? 128 : 32;
        if (slash >= 0) {
            String prefix = entry.substring(slash + 1);
            if (!prefix.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(prefix) > written) {
                throw new IllegalArgumentException("forwarded-allow-ips: \"" + entry
                    + "\" has a prefix length that is not 0 to " + written);
            }
            bits = Integer.parseInt(prefix);
            // "::ffff:10.0.0.0/104" parses to 4 bytes; its prefix counts from the 16-byte form.
            if (bytes.length == 4 && written == 128) {
                bits = Math.max(0, bits - 96);
            }
        }
        return new Range(bytes, bits);
    }

    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
