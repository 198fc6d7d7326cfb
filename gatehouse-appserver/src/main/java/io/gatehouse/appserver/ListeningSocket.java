package io.gatehouse.appserver;

import io.gatehouse.server.UnixSocketFile;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A listening socket the master binds once and keeps for its whole life; workers inherit its
 * descriptor, so the kernel's accept queue outlives every worker (see docs/app-server.md). TCP over
 * IPv4 or IPv6, a Unix domain socket (whose file the master removes at exit; a stale one from a
 * dead process is replaced at bind), or a socket the master itself inherited ({@code fd://N},
 * systemd), taken as it is.
 *
 * <p>It is bound with {@code socket/setsockopt/bind/listen} through {@link Libc} rather than with a
 * {@code ServerSocketChannel} because the JDK gives no public way to learn a channel's descriptor
 * number, and the master must name that number to {@code posix_spawn}.
 *
 * {@snippet :
 * try (ListeningSocket socket = ListeningSocket.bind(new InetSocketAddress("127.0.0.1", 0), 2048)) {
 *     SocketAddress address = socket.address();   // the real port when 0 was asked for
 *     // give socket.fd() to each worker
 * }
 * }
 */
public final class ListeningSocket implements AutoCloseable {

    private static final int SOCKADDR_STORAGE_BYTES = 128;

    /** sun_path's size in struct sockaddr_un, the terminating NUL included (unix(7)). */
    private static final int SUN_PATH_BYTES = 108;

    private final int fd;
    private boolean closed;
    private final SocketAddress address;
    private final Path socketFile;

    private ListeningSocket(int fd, SocketAddress address, Path socketFile) {
        this.fd = fd;
        this.address = address;
        this.socketFile = socketFile;
    }

    /**
     * Binds and listens on any kind of bind address.
     *
     * @param requested an {@link InetSocketAddress}, a {@link UnixDomainSocketAddress} or an
     *                  {@link InheritedSocketAddress} (used as it is: already listening)
     * @param backlog   the accept queue length
     * @return the listening socket
     * @throws IOException naming the address when it cannot be bound or used
     */
    public static ListeningSocket bind(SocketAddress requested, int backlog) throws IOException {
        return switch (requested) {
            case InetSocketAddress inet -> bind(inet, backlog);
            case UnixDomainSocketAddress unix -> bindUnix(unix.getPath(), backlog);
            case InheritedSocketAddress inherited -> inherit(inherited.fd());
            default -> throw new IOException("cannot bind " + requested + ": not an IP, unix: or fd:// address");
        };
    }

    /**
     * Takes a listening socket this process inherited (systemd, {@code fd://N}).
     *
     * @param fd the descriptor
     * @return the socket, with its address read from the kernel
     * @throws IOException when the descriptor is not a socket
     */
    public static ListeningSocket inherit(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bound = arena.allocate(SOCKADDR_STORAGE_BYTES);
            Libc.getsockname(fd, bound, arena);
            return new ListeningSocket(fd, address(bound), null);
        } catch (IOException e) {
            throw new IOException("fd://" + fd + " is not a socket: " + e.getMessage(), e);
        }
    }

    private static ListeningSocket bindUnix(Path path, int backlog) throws IOException {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH_BYTES) {
            throw new IOException("cannot bind unix:" + path + ": the path is longer than " + (SUN_PATH_BYTES - 1)
                + " bytes");
        }
        UnixSocketFile.clearStale(path);
        int fd = Libc.socket(Libc.AF_UNIX);
        try (Arena arena = Arena.ofConfined()) {
            // struct sockaddr_un: the family, then the path and its NUL.
            MemorySegment address = arena.allocate(2 + name.length + 1);
            address.set(JAVA_SHORT, 0, (short) Libc.AF_UNIX);
            MemorySegment.copy(MemorySegment.ofArray(name), 0, address, 2, name.length);
            Libc.bind(fd, address);
            Libc.listen(fd, backlog);
            return new ListeningSocket(fd, UnixDomainSocketAddress.of(path), path);
        } catch (IOException e) {
            Libc.close(fd);
            throw new IOException("cannot bind unix:" + path + ": " + e.getMessage(), e);
        }
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
            return new ListeningSocket(fd, new InetSocketAddress(host, port(bound)), null);
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
    public SocketAddress address() {
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
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);   // a file this master created
            }
        }
    }

    /** Reads a sockaddr_in, sockaddr_in6 or sockaddr_un filled by the kernel. */
    private static SocketAddress address(MemorySegment sockaddr) throws IOException {
        int family = sockaddr.get(JAVA_SHORT, 0);
        if (family == Libc.AF_UNIX) {
            byte[] path = sockaddr.asSlice(2, SUN_PATH_BYTES).toArray(JAVA_BYTE);
            int end = 0;
            while (end < path.length && path[end] != 0) {
                end++;
            }
            return UnixDomainSocketAddress.of(new String(path, 0, end, StandardCharsets.UTF_8));
        }
        boolean v4 = family == Libc.AF_INET;
        if (!v4 && family != Libc.AF_INET6) {
            throw new IOException("address family " + family + " is not IP or Unix");
        }
        byte[] raw = sockaddr.asSlice(v4 ? 4 : 8, v4 ? 4 : 16).toArray(JAVA_BYTE);
        return new InetSocketAddress(InetAddress.getByAddress(raw), port(sockaddr));
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
