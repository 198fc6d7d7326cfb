package io.gatehouse.appserver;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A TCP listening socket the master binds once and keeps for its whole life; workers inherit its
 * descriptor, so the kernel's accept queue outlives every worker (see docs/app-server.md).
 *
 * <p>It is bound with {@code socket/setsockopt/bind/listen} through {@link Libc} rather than with a
 * {@code ServerSocketChannel} because the JDK gives no public way to learn a channel's descriptor
 * number, and the master must name that number to {@code posix_spawn}.
 *
 * {@snippet :
 * try (ListeningSocket socket = ListeningSocket.bind(new InetSocketAddress("127.0.0.1", 0), 2048)) {
 *     int port = socket.address().getPort();   // the real port when 0 was asked for
 *     // give socket.fd() to each worker
 * }
 * }
 */
public final class ListeningSocket implements AutoCloseable {

    private static final int SOCKADDR_STORAGE_BYTES = 128;

    private final int fd;
    private boolean closed;
    private final InetSocketAddress address;

    private ListeningSocket(int fd, InetSocketAddress address) {
        this.fd = fd;
        this.address = address;
    }

    /**
     * Binds and listens.
     *
     * @param requested the address; port 0 picks a free port
     * @param backlog   the accept queue length
     * @return the listening socket
     * @throws IOException when the address cannot be bound, with the errno in the message
     */
    public static ListeningSocket bind(InetSocketAddress requested, int backlog) throws IOException {
        if (requested.isUnresolved()) {
            throw new IOException("cannot bind " + requested.getHostString() + ": unknown host");
        }
        InetAddress host = requested.getAddress();
        int family = host instanceof Inet6Address ? Libc.AF_INET6 : Libc.AF_INET;
        int fd = Libc.socket(family);
        try (Arena arena = Arena.ofConfined()) {
            // SO_REUSEADDR lets a restarted master bind while old connections sit in TIME_WAIT.
            Libc.reuseAddress(fd);
            Libc.bind(fd, sockaddr(arena, host, requested.getPort()));
            Libc.listen(fd, backlog);
            MemorySegment bound = arena.allocate(SOCKADDR_STORAGE_BYTES);
            Libc.getsockname(fd, bound, arena);
            return new ListeningSocket(fd, new InetSocketAddress(host, port(bound)));
        } catch (IOException e) {
            Libc.close(fd);
            throw new IOException("cannot bind " + requested + ": " + e.getMessage(), e);
        }
    }

    /** @return the descriptor number in this process */
    public int fd() {
        return fd;
    }

    /** @return the bound address with the real port */
    public InetSocketAddress address() {
        return address;
    }

    /**
     * Closes the master's descriptor; workers keep theirs until they exit. Only the first call
     * closes: a second {@code close(fd)} could close an unrelated descriptor that reused the number.
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    /** Builds a sockaddr_in or sockaddr_in6; family is host order, port network (big-endian) order. */
    private static MemorySegment sockaddr(Arena arena, InetAddress host, int port) {
        byte[] raw = host.getAddress();
        boolean v4 = host instanceof Inet4Address;
        MemorySegment address = arena.allocate(v4 ? 16 : 28);
        address.set(JAVA_SHORT, 0, (short) (v4 ? Libc.AF_INET : Libc.AF_INET6));
        address.set(JAVA_BYTE, 2, (byte) (port >> 8));
        address.set(JAVA_BYTE, 3, (byte) port);
        // sin_addr starts at 4; sin6_addr at 8, after the 4-byte flow info.
        MemorySegment.copy(MemorySegment.ofArray(raw), 0, address, v4 ? 4 : 8, raw.length);
        if (host instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            address.set(java.lang.foreign.ValueLayout.JAVA_INT, 24, v6.getScopeId());
        }
        return address;
    }

    private static int port(MemorySegment sockaddr) {
        return (Byte.toUnsignedInt(sockaddr.get(JAVA_BYTE, 2)) << 8) | Byte.toUnsignedInt(sockaddr.get(JAVA_BYTE, 3));
    }
}
