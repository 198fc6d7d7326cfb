package io.gatehouse.appserver;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Environ;
import io.gatehouse.spec.FileBody;
import io.gatehouse.spec.StartResponse;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.SocketAddress;
import java.util.List;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls the user's {@link Hooks} so that a hook can never take the server down: whatever one throws
 * is logged on one line with the hook's name and class, and the caller goes on.
 *
 * {@snippet :
 * HookRunner hooks = HookRunner.load("com.example.DeployHooks", getClass().getClassLoader(), System.err);
 * hooks.onStarting();
 * Application served = hooks.around(application);   // preRequest and postRequest on every request
 * }
 */
public final class HookRunner {

    /** Runs nothing: for when no {@code --hooks} was given. */
    public static final HookRunner NONE = new HookRunner(new Hooks() { }, "none", System.err);

    private final Hooks hooks;
    private final String name;
    private final PrintStream log;

    /**
     * @param hooks the hooks
     * @param name  how log lines name them (their class)
     * @param log   where a failing hook is reported
     */
    public HookRunner(Hooks hooks, String name, PrintStream log) {
        this.hooks = hooks;
        this.name = name;
        this.log = log;
    }

    /**
     * @param className a class implementing {@link Hooks} with a public no-argument constructor,
     *                  or {@code null} for none
     * @param loader    where to find it
     * @param log       where failing hooks are reported
     * @return the runner
     * @throws IllegalArgumentException with one line naming the problem
     */
    public static HookRunner load(String className, ClassLoader loader, PrintStream log) {
        if (className == null || className.isBlank()) {
            return NONE;
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--hooks: no class '" + className + "' on the class path");
        } catch (LinkageError e) {
            throw new IllegalArgumentException("--hooks: '" + className + "' cannot be loaded: " + e);
        }
        if (!Hooks.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("--hooks: '" + className + "' does not implement " + Hooks.class.getName());
        }
        try {
            return new HookRunner((Hooks) type.getConstructor().newInstance(), className, log);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("--hooks: '" + className + "' has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("--hooks: '" + className + "' failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("--hooks: '" + className + "' cannot be created: " + e);
        }
    }

    /** Runs {@link Hooks#onStarting()}. */
    public void onStarting() {
        run("onStarting", hooks::onStarting);
    }

    /** @param addresses the listening addresses */
    public void whenReady(List<SocketAddress> addresses) {
        run("whenReady", () -> hooks.whenReady(addresses));
    }

    /** @param pid the worker @param exitCode its exit code */
    public void childExit(long pid, int exitCode) {
        run("childExit", () -> hooks.childExit(pid, exitCode));
    }

    /** @param exitCode the master's exit code */
    public void onExit(int exitCode) {
        run("onExit", () -> hooks.onExit(exitCode));
    }

    /**
     * @param application the application
     * @return it with {@link Hooks#preRequest} before every call and {@link Hooks#postRequest} once
     *         the response is over (its body closed, or the call failed; for a {@link FileBody}, as
     *         soon as the application returns it); itself when there are no hooks
     */
    public Application around(Application application) {
        if (this == NONE) {
            return application;
        }
        return (environ, start) -> {
            run("preRequest", () -> hooks.preRequest(environ));
            AtomicReference<String> status = new AtomicReference<>();
            StartResponse recording = (line, headers, excInfo) -> {
                start.start(line, headers, excInfo);
                status.set(line);
            };
            Body body;
            try {
                body = application.call(environ, recording);
            } catch (Throwable failure) {
                postRequest(environ, status.get());
                throw failure;
            }
            if (body instanceof FileBody) {
                // Wrapping would lose the zero-copy send the server gives a FileBody: run it now.
                postRequest(environ, status.get());
                return body;
            }
            return body == null ? null : new AfterClose(body, () -> postRequest(environ, status.get()));
        };
    }

    private void postRequest(Environ environ, String status) {
        run("postRequest", () -> hooks.postRequest(environ, status));
    }

    private void run(String hook, HookCall call) {
        try {
            call.run();
        } catch (Throwable failure) {
            log.println("gatehouse: hook " + hook + " of " + name + " failed: " + failure);
        }
    }

    @FunctionalInterface
    private interface HookCall {
        void run() throws Exception;
    }

    /** A body that runs an action once, after it was closed: the server closes it when the response is over. */
    private static final class AfterClose implements Body {
        private final Body body;
        private final Runnable after;
        private final AtomicBoolean closed = new AtomicBoolean();

        AfterClose(Body body, Runnable after) {
            this.body = body;
            this.after = after;
        }

        @Override
        public Iterator<byte[]> iterator() {
            return body.iterator();
        }

        @Override
        public long length() {
            return body.length();
        }

        @Override
        public void close() throws IOException {
            try {
                body.close();
            } finally {
                if (closed.compareAndSet(false, true)) {
                    after.run();
                }
            }
        }
    }
}
