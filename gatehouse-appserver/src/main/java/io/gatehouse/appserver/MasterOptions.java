package io.gatehouse.appserver;

import java.util.Objects;

/**
 * What the master does beyond supervising workers: the user's {@link Hooks}. Kept apart from
 * {@link ArbiterConfig}, which describes the workers.
 *
 * {@snippet :
 * MasterOptions options = MasterOptions.NONE
 *     .withHooks(HookRunner.load("com.example.DeployHooks", loader, System.err));
 * int exitCode = new Arbiter(config, options).run();
 * }
 *
 * @param hooks the lifecycle hooks ({@link HookRunner#NONE} for none)
 */
public record MasterOptions(HookRunner hooks) {

    /** No hooks. */
    public static final MasterOptions NONE = new MasterOptions(HookRunner.NONE);

    /** Checks that nothing is missing. */
    public MasterOptions {
        Objects.requireNonNull(hooks, "hooks");
    }

    /** @param value the hooks @return a copy running them */
    public MasterOptions withHooks(HookRunner value) {
        return new MasterOptions(value);
    }
}
