package io.gatehouse.middleware;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    @Test
    void defaultIsLoopbackOnly() {
        TrustedProxies proxies = TrustedProxies.loopback();
        assertTrue(proxies.contains("127.0.0.1"));
        assertTrue(proxies.contains("::1"));
        assertTrue(proxies.contains("0:0:0:0:0:0:0:1"));
        assertFalse(proxies.contains("127.0.0.2"));
        assertFalse(proxies.contains("10.0.0.1"));
        assertFalse(proxies.contains("localhost"));
        assertFalse(proxies.contains(""));
        assertFalse(proxies.contains(null));
        assertEquals("127.0.0.1,::1", proxies.toString());
    }

    @Test
    void ipv4Ranges() {
        TrustedProxies proxies = TrustedProxies.parse(" 10.0.0.0/8 , 192.168.1.128/25,172.16.0.0/12");
        assertTrue(proxies.contains("10.255.255.255"));
        assertFalse(proxies.contains("11.0.0.0"));
        assertTrue(proxies.contains("192.168.1.200"));
        assertFalse(proxies.contains("192.168.1.127"));
        assertTrue(proxies.contains("172.31.0.1"));
        assertFalse(proxies.contains("172.32.0.1"));
        assertTrue(proxies.contains("::ffff:10.1.2.3"), "IPv4-mapped IPv6 matches as IPv4");
        assertFalse(proxies.contains("010.0.0.1"), "leading zeros are not an address");
    }

    @Test
    void ipv6Ranges() {
        TrustedProxies proxies = TrustedProxies.parse("fd00::/8,2001:db8:1::/48,::ffff:192.0.2.0/120");
        assertTrue(proxies.contains("fdab::1"));
        assertFalse(proxies.contains("fe00::1"));
        assertTrue(proxies.contains("2001:db8:1:ffff::1"));
        assertFalse(proxies.contains("2001:db8:2::1"));
        assertTrue(proxies.contains("192.0.2.9"));
        assertFalse(proxies.contains("192.0.3.9"));
        assertFalse(proxies.contains("fe80::1%eth0"));
    }

    @Test
    void zeroPrefixAndStar() {
        assertTrue(TrustedProxies.parse("0.0.0.0/0").contains("203.0.113.1"));
        assertFalse(TrustedProxies.parse("0.0.0.0/0").contains("2001:db8::1"));
        assertTrue(TrustedProxies.parse("*").contains("2001:db8::1"));
        assertFalse(TrustedProxies.parse("*").contains("not-an-ip"));
        assertFalse(TrustedProxies.parse("").contains("127.0.0.1"));
    }

    @Test
    void badEntriesAreOneLineNamingTheEntry() {
        assertEquals("forwarded-allow-ips: \"localhost\" is not an IP address, a CIDR range or *",
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1,localhost")).getMessage());
        assertEquals("forwarded-allow-ips: \"10.0.0.0/33\" has a prefix length that is not 0 to 32",
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33")).getMessage());
        assertEquals("forwarded-allow-ips: \"::/129\" has a prefix length that is not 0 to 128",
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("::/129")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/08"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("127.0.0.1,"));
    }
}
