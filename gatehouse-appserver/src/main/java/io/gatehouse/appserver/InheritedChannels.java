package io.gatehouse.appserver;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns listening sockets this JVM inherited on descriptors into {@link ServerSocketChannel}s: the
 * sockets of {@code --bind fd://N}, of systemd socket activation ({@code LISTEN_FDS}), and the ones
 * a worker gets from its master, one per bind.
 *
 * <p>Descriptor 0 goes through {@link System#inheritedChannel()}, the JDK's public API for it. The
 * JDK has no public way to wrap any other descriptor, so every other one is wrapped with the
 * constructor the JDK itself uses for that ({@code sun.nio.ch.ServerSocketChannelImpl(provider,
 * family, fd, bound)}), which needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}: the
 * runnable jar's manifest and the master's worker command line both carry it. Without it, the
 * error is one line saying so. {@code InheritedChannelsTest} pins the constructor, so a JDK that
 * changes it fails the build rather than a deployment (docs/app-server.md, "Several binds").
 *
 * {@snippet :
 * ServerSocketChannel channel = InheritedChannels.adopt(3);   // what systemd passed
 * }
 */
public final class InheritedChannels {

    /** The first descriptor of systemd socket activation (sd_listen_fds(3)). */
    public static final int SYSTEMD_FIRST_FD = 3;

    private static final int AF_UNIX = 1;

    private InheritedChannels() {
    }

    /**
     * @param fd a listening stream socket open in this process
     * @return a channel owning it, in blocking mode
     * @throws IOException with one line naming the descriptor when it is not a listening socket
     *                     or cannot be wrapped
     */
    public static ServerSocketChannel adopt(int fd) throws IOException {
        if (fd == 0) {
            Channel inherited = System.inheritedChannel();
            if (inherited instanceof ServerSocketChannel listener) {
                return listener;
            }
            throw new IOException("fd://0 is not a listening socket");
        }
        ProtocolFamily family = family(fd);
        try {
            Method newFd = Class.forName("sun.nio.ch.IOUtil").getMethod("newFD", int.class);
            Constructor<?> constructor = Class.forName("sun.nio.ch.ServerSocketChannelImpl").getDeclaredConstructor(
                SelectorProvider.class, ProtocolFamily.class, FileDescriptor.class, boolean.class);
            newFd.setAccessible(true);
            constructor.setAccessible(true);
            FileDescriptor descriptor = (FileDescriptor) newFd.invoke(null, fd);
            return (ServerSocketChannel) constructor.newInstance(SelectorProvider.provider(), family, descriptor, true);
        } catch (RuntimeException | ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            if (cause instanceof IOException io) {
                throw new IOException("fd://" + fd + ": " + io.getMessage(), io);
            }
            throw new IOException("fd://" + fd + " cannot be wrapped in a channel (the JVM needs "
                + "--add-opens java.base/sun.nio.ch=ALL-UNNAMED): " + cause, cause);
        }
    }

    /**
     * The sockets systemd passed (sd_listen_fds(3)): descriptors 3 to 3 + LISTEN_FDS - 1, when
     * LISTEN_PID is this process.
     *
     * @param env the environment
     * @param pid this process's id
     * @return the descriptors as bind addresses; empty when the variables are absent or not for us
     */
    public static List<InheritedSocketAddress> systemd(Map<String, String> env, long pid) {
        String count = env.get("LISTEN_FDS");
        String listenPid = env.get("LISTEN_PID");
        List<InheritedSocketAddress> fds = new ArrayList<>();
        if (count == null || listenPid == null || !listenPid.strip().equals(Long.toString(pid))) {
            return fds;
        }
        int n;
        try {
            n = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LISTEN_FDS is not a number: '" + count + "'");
        }
        for (int i = 0; i < n; i++) {
            fds.add(new InheritedSocketAddress(SYSTEMD_FIRST_FD + i));
        }
        return fds;
    }

    /** The family from the socket's own address; also proves the descriptor is a socket. */
    private static ProtocolFamily family(int fd) throws IOException {
        int family;
        try {
            family = Libc.socketFamily(fd);
        } catch (IOException e) {
            throw new IOException("fd://" + fd + " is not a socket: " + e.getMessage(), e);
        }
        return family == AF_UNIX ? StandardProtocolFamily.UNIX
            : family == Libc.AF_INET6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }
}
