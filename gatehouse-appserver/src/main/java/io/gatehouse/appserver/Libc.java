package io.gatehouse.appserver;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The few C library calls the arbiter needs and the JDK does not offer, through the Foreign Function
 * and Memory API (Linux, glibc, x86-64 and aarch64).
 *
 * <p>Why native at all: {@link ProcessBuilder} closes every descriptor above 2 in the child and
 * offers no way to pass a listening socket; the JDK does not expose the descriptor number of a
 * {@code ServerSocketChannel}; and {@code waitpid} on a child the JDK did not start is not
 * available. Every call here reports failure as an {@link IOException} naming the call and errno.
 */
final class Libc {

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int O_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int WNOHANG = 1;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    /** glibc's posix_spawn_file_actions_t is 80 bytes and posix_spawnattr_t 336; room to spare. */
    static final long SPAWN_STRUCT_BYTES = 512;
    static final long SIGSET_BYTES = 128;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
        CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = errnoCall("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle SETSOCKOPT =
        errnoCall("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle BIND = errnoCall("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = errnoCall("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle GETSOCKNAME =
        errnoCall("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle CLOSE = errnoCall("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle PIPE2 = errnoCall("pipe2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle KILL = errnoCall("kill", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle WAITPID = errnoCall("waitpid", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SETUID = errnoCall("setuid", JAVA_INT, JAVA_INT);
    private static final MethodHandle SETGID = errnoCall("setgid", JAVA_INT, JAVA_INT);
    private static final MethodHandle INITGROUPS = errnoCall("initgroups", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SETGROUPS = errnoCall("setgroups", JAVA_INT, ValueLayout.JAVA_LONG, ADDRESS);
    private static final MethodHandle GETPWNAM = plain("getpwnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle GETPWUID = plain("getpwuid", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle GETGRNAM = plain("getgrnam", FunctionDescriptor.of(ADDRESS, ADDRESS));
    private static final MethodHandle UMASK = plain("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle GETEUID = plain("geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle GETPID = plain("getpid", FunctionDescriptor.of(JAVA_INT));
    /** posix_spawn returns the error number itself instead of setting errno. */
    static final MethodHandle POSIX_SPAWN = plain("posix_spawn",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    static final MethodHandle FILE_ACTIONS_INIT = plain("posix_spawn_file_actions_init",
        FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle FILE_ACTIONS_ADDDUP2 = plain("posix_spawn_file_actions_adddup2",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    static final MethodHandle FILE_ACTIONS_ADDCLOSE = plain("posix_spawn_file_actions_addclose",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    static final MethodHandle FILE_ACTIONS_DESTROY = plain("posix_spawn_file_actions_destroy",
        FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle ATTR_INIT = plain("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle ATTR_DESTROY = plain("posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle ATTR_SETFLAGS = plain("posix_spawnattr_setflags",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT));
    static final MethodHandle ATTR_SETSIGMASK = plain("posix_spawnattr_setsigmask",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle ATTR_SETSIGDEFAULT = plain("posix_spawnattr_setsigdefault",
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    static final MethodHandle SIGEMPTYSET = plain("sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle SIGFILLSET = plain("sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private Libc() {
    }

    static int socket(int family) throws IOException {
        return check("socket", invoke(SOCKET, family, SOCK_STREAM | SOCK_CLOEXEC, 0));
    }

    static void reuseAddress(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
            check("setsockopt(SO_REUSEADDR)", invoke(SETSOCKOPT, fd, SOL_SOCKET, SO_REUSEADDR, one, 4));
        }
    }

    static void bind(int fd, MemorySegment address) throws IOException {
        check("bind", invoke(BIND, fd, address, (int) address.byteSize()));
    }

    static void listen(int fd, int backlog) throws IOException {
        check("listen", invoke(LISTEN, fd, backlog));
    }

    /** Fills {@code address} (a sockaddr_storage) with the socket's own address. */
    static void getsockname(int fd, MemorySegment address, Arena arena) throws IOException {
        MemorySegment length = arena.allocateFrom(JAVA_INT, (int) address.byteSize());
        check("getsockname", invoke(GETSOCKNAME, fd, address, length));
    }

    /** @return the address family (AF_UNIX, AF_INET, AF_INET6) of a socket's own address */
    static int socketFamily(int fd) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(128);
            getsockname(fd, address, arena);
            return address.get(java.lang.foreign.ValueLayout.JAVA_SHORT, 0);
        }
    }

    static void close(int fd) throws IOException {
        check("close", invoke(CLOSE, fd));
    }

    /** @return {read end, write end}, both close-on-exec so no other child inherits them */
    static int[] pipe() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            check("pipe2", invoke(PIPE2, fds, O_CLOEXEC));
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    static void kill(long pid, int signal) throws IOException {
        check("kill(" + pid + ", " + signal + ")", invoke(KILL, (int) pid, signal));
    }

    /**
     * Reaps one child without blocking.
     *
     * @return {@code null} while the child runs, else its raw wait status
     */
    static Integer reap(long pid) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            int result = check("waitpid(" + pid + ")", invoke(WAITPID, (int) pid, status, WNOHANG));
            return result == 0 ? null : status.get(JAVA_INT, 0);
        }
    }

    /** A user's ids from the user database (NSS); {@code null} when there is no such user. */
    static Account user(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = (MemorySegment) GETPWNAM.invokeExact(arena.allocateFrom(name));
            return account(entry);
        } catch (Throwable e) {
            throw new IllegalStateException("getpwnam failed", e);
        }
    }

    /** @return the user with that uid, or {@code null} */
    static Account user(int uid) {
        try {
            return account((MemorySegment) GETPWUID.invokeExact(uid));
        } catch (Throwable e) {
            throw new IllegalStateException("getpwuid failed", e);
        }
    }

    /** struct passwd: pw_name, pw_passwd (pointers), then pw_uid and pw_gid (32-bit). */
    private static Account account(MemorySegment entry) {
        if (entry.equals(MemorySegment.NULL)) {
            return null;
        }
        MemorySegment passwd = entry.reinterpret(24);
        String name = passwd.get(ADDRESS, 0).reinterpret(256).getString(0);
        return new Account(name, passwd.get(JAVA_INT, 16), passwd.get(JAVA_INT, 20));
    }

    /** @return the group's gid, or -1 when there is no such group (struct group: name, passwd, gid) */
    static int group(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment entry = (MemorySegment) GETGRNAM.invokeExact(arena.allocateFrom(name));
            return entry.equals(MemorySegment.NULL) ? -1 : entry.reinterpret(20).get(JAVA_INT, 16);
        } catch (Throwable e) {
            throw new IllegalStateException("getgrnam failed", e);
        }
    }

    /**
     * Becomes {@code uid}/{@code gid} for good, in the order that works: supplementary groups and
     * the group first, while still allowed to change them, then the user. glibc applies each call to
     * every thread of the process.
     */
    static void dropTo(String userName, int uid, int gid) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            if (userName != null) {
                check("initgroups(" + userName + ")", invoke(INITGROUPS, arena.allocateFrom(userName), gid));
            } else {
                check("setgroups", invoke(SETGROUPS, 1L, arena.allocateFrom(JAVA_INT, gid)));
            }
        }
        check("setgid(" + gid + ")", invoke(SETGID, gid));
        check("setuid(" + uid + ")", invoke(SETUID, uid));
    }

    /** @param mask the new file mode creation mask @return the previous one */
    static int umask(int mask) {
        try {
            return (int) UMASK.invokeExact(mask);
        } catch (Throwable e) {
            throw new IllegalStateException("umask failed", e);
        }
    }

    static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("geteuid failed", e);
        }
    }

    /** @param name the user's name @param uid its user id @param gid its primary group id */
    record Account(String name, int uid, int gid) {
    }

    static long getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("getpid failed", e);
        }
    }

    /** @return the exit code for a normal exit, or 128 + signal number as shells report it */
    static int exitCode(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal;
    }

    /** @return e.g. "Address already in use (errno 98)" */
    static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0) + " (errno " + errno + ")";
        } catch (Throwable e) {
            return "errno " + errno;
        }
    }

    private static MethodHandle errnoCall(String name, ValueLayout result, MemoryLayout... arguments) {
        MethodHandle handle = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name),
            FunctionDescriptor.of(result, arguments), Linker.Option.captureCallState("errno"));
        return handle.asSpreader(Object[].class, arguments.length);
    }

    private static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    /** A thread-local errno capture per call, so a failing call reports its own error. */
    private static ErrnoResult invoke(MethodHandle handle, Object... arguments) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int result = (int) handle.invoke(state, arguments);
            return new ErrnoResult(result, (int) ERRNO.get(state, 0L));
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed", e);
        }
    }

    private static int check(String call, ErrnoResult result) throws IOException {
        if (result.value() < 0) {
            throw new IOException(call + " failed: " + describe(result.errno()));
        }
        return result.value();
    }

    private record ErrnoResult(int value, int errno) {
    }
}
