package io.gatehouse.appserver;

import java.io.Serial;
import java.net.SocketAddress;

/**
 * A listening socket this process inherited on a descriptor, as {@code --bind fd://N} names it
 * (systemd socket activation passes its sockets from descriptor 3 on). {@link InheritedChannels}
 * turns it into a channel.
 *
 * {@snippet :
 * SocketAddress bind = InheritedSocketAddress.parse("fd://3");
 * }
 */
public final class InheritedSocketAddress extends SocketAddress {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What starts the bind value. */
    public static final String SCHEME = "fd://";

    private final int fd;

    /** @param fd the descriptor number, 0 or more */
    public InheritedSocketAddress(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("a descriptor number is 0 or more, got " + fd);
        }
        this.fd = fd;
    }

    /**
     * @param value {@code fd://N}
     * @return the address
     * @throws IllegalArgumentException when the value is not {@code fd://} and a number
     */
    public static InheritedSocketAddress parse(String value) {
        String number = value.substring(SCHEME.length());
        if (!value.startsWith(SCHEME) || number.isEmpty() || number.length() > 9
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + value + "' is not fd://N with N a descriptor number");
        }
        return new InheritedSocketAddress(Integer.parseInt(number));
    }

    /** @return the descriptor number */
    public int fd() {
        return fd;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InheritedSocketAddress that && that.fd == fd;
    }

    @Override
    public int hashCode() {
        return fd;
    }

    @Override
    public String toString() {
        return SCHEME + fd;
    }
}
