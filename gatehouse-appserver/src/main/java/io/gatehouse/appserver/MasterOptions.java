package io.gatehouse.appserver;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the master does beyond supervising workers: the user's {@link Hooks}, the
 * {@link Privileges} to drop to, and {@code --reload}. Kept apart from {@link ArbiterConfig}, which describes the workers.
 *
 * {@snippet :
 * MasterOptions options = MasterOptions.NONE
 *     .withHooks(HookRunner.load("com.example.DeployHooks", loader, System.err));
 * int exitCode = new Arbiter(config, options).run();
 * }
 *
 * @param hooks      the lifecycle hooks ({@link HookRunner#NONE} for none)
 * @param privileges user, group and umask ({@link Privileges#NONE} to keep them)
 * @param reload     whether a change on the workers' class path reloads them, as SIGHUP does
 * @param alsoWatch  with {@code reload}, more paths to watch than the workers' class path (where the
 *                   application's own classes are loaded from, such as {@code --classpath})
 * @param urlScheme  how the master's log names its TCP addresses: {@code http}, or {@code https} when
 *                   the workers serve TLS
 */
public record MasterOptions(HookRunner hooks, Privileges privileges, boolean reload, List<Path> alsoWatch,
                            String urlScheme) {

    /** No hooks, no change of user, no reloading on change. */
    public static final MasterOptions NONE = new MasterOptions(HookRunner.NONE, Privileges.NONE, false, List.of(),
        "http");

    /** Checks that nothing is missing. */
    public MasterOptions {
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(privileges, "privileges");
        alsoWatch = List.copyOf(alsoWatch);
        Objects.requireNonNull(urlScheme, "urlScheme");
    }

    /** @param value the hooks @return a copy running them */
    public MasterOptions withHooks(HookRunner value) {
        return new MasterOptions(value, privileges, reload, alsoWatch, urlScheme);
    }

    /** @param value who to become after binding @return a copy dropping to it */
    public MasterOptions withPrivileges(Privileges value) {
        return new MasterOptions(hooks, value, reload, alsoWatch, urlScheme);
    }

    /**
     * @param value whether class path changes reload the workers
     * @param paths more jars and directories to watch
     * @return a copy
     */
    public MasterOptions withReload(boolean value, List<Path> paths) {
        return new MasterOptions(hooks, privileges, value, paths, urlScheme);
    }

    /** @param value {@code https} when the workers serve TLS @return a copy naming its addresses so */
    public MasterOptions withUrlScheme(String value) {
        return new MasterOptions(hooks, privileges, reload, alsoWatch, value);
    }
}
