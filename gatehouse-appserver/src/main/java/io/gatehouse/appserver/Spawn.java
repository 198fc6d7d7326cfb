package io.gatehouse.appserver;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * Starts a child process with {@code posix_spawn}, placing chosen descriptors of this process at
 * chosen numbers in the child ({@code posix_spawn_file_actions_adddup2}); everything else this JVM
 * holds is close-on-exec and stays behind.
 *
 * <p>The child starts with an empty signal mask and default handlers for every signal, whatever
 * the spawning JVM thread had blocked or ignored.
 *
 * {@snippet :
 * long pid = Spawn.start(List.of("/usr/bin/java", "-version"), System.getenv(),
 *     Map.of(socket.fd(), 0, pipe[1], 1));
 * }
 */
final class Spawn {

    /** Where placed descriptors wait in the child before taking their numbers; above any target. */
    private static final int STAGING = 900;

    private Spawn() {
    }

    /**
     * @param argv       the program (an absolute path) and its arguments
     * @param env        the child's environment
     * @param placements descriptor in this process to descriptor number in the child
     * @return the child's pid
     * @throws IOException when the program cannot be started
     */
    static long start(List<String> argv, Map<String, String> env, Map<Integer, Integer> placements)
            throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(Libc.SPAWN_STRUCT_BYTES);
            MemorySegment attributes = arena.allocate(Libc.SPAWN_STRUCT_BYTES);
            call("posix_spawn_file_actions_init", (int) Libc.FILE_ACTIONS_INIT.invokeExact(actions));
            call("posix_spawnattr_init", (int) Libc.ATTR_INIT.invokeExact(attributes));
            try {
                place(actions, placements);
                resetSignals(arena, attributes);
                MemorySegment pid = arena.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
                int error = (int) Libc.POSIX_SPAWN.invokeExact(pid, arena.allocateFrom(argv.getFirst()),
                    actions, attributes, strings(arena, argv), strings(arena, environment(env)));
                if (error != 0) {
                    throw new IOException("cannot start " + argv.getFirst() + ": " + Libc.describe(error));
                }
                return pid.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
            } finally {
                int ignored = (int) Libc.FILE_ACTIONS_DESTROY.invokeExact(actions);
                ignored = (int) Libc.ATTR_DESTROY.invokeExact(attributes);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("posix_spawn failed: " + e, e);
        }
    }

    /**
     * dup2 clears close-on-exec on the new number, so only placed descriptors survive the exec.
     * The file actions run in order, and a source may be another placement's target (systemd's
     * sockets are 3, 4, ...), so every source is first copied to a free number (from {@value #STAGING}, above every source), then moved
     * to its target, then the copy is closed.
     */
    private static void place(MemorySegment actions, Map<Integer, Integer> placements) throws Throwable {
        int staging = Math.max(STAGING, placements.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
        Map<Integer, Integer> staged = new java.util.LinkedHashMap<>();
        for (Map.Entry<Integer, Integer> placement : placements.entrySet()) {
            call("posix_spawn_file_actions_adddup2", (int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(
                actions, (int) placement.getKey(), staging));
            staged.put(staging++, placement.getValue());
        }
        for (Map.Entry<Integer, Integer> copy : staged.entrySet()) {
            call("posix_spawn_file_actions_adddup2", (int) Libc.FILE_ACTIONS_ADDDUP2.invokeExact(
                actions, (int) copy.getKey(), (int) copy.getValue()));
            call("posix_spawn_file_actions_addclose", (int) Libc.FILE_ACTIONS_ADDCLOSE.invokeExact(
                actions, (int) copy.getKey()));
        }
    }

    private static void resetSignals(Arena arena, MemorySegment attributes) throws Throwable {
        MemorySegment none = arena.allocate(Libc.SIGSET_BYTES);
        MemorySegment all = arena.allocate(Libc.SIGSET_BYTES);
        call("sigemptyset", (int) Libc.SIGEMPTYSET.invokeExact(none));
        call("sigfillset", (int) Libc.SIGFILLSET.invokeExact(all));
        call("posix_spawnattr_setsigmask", (int) Libc.ATTR_SETSIGMASK.invokeExact(attributes, none));
        call("posix_spawnattr_setsigdefault", (int) Libc.ATTR_SETSIGDEFAULT.invokeExact(attributes, all));
        call("posix_spawnattr_setflags", (int) Libc.ATTR_SETFLAGS.invokeExact(attributes,
            (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF)));
    }

    private static List<String> environment(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** A NULL-terminated array of C strings, as argv and envp are. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private static void call(String name, int result) throws IOException {
        if (result != 0) {
            throw new IOException(name + " failed: " + result);
        }
    }
}
