package io.gatehouse.appserver;

import io.gatehouse.spec.Environ;

import java.net.SocketAddress;
import java.util.List;

/**
 * Code of yours that runs at fixed moments of the server's life, like Gunicorn's server hooks.
 * Name the class with {@code --hooks CLASS}; it needs a public no-argument constructor. Every method
 * has a default that does nothing, so implement only what you need. A hook that throws is logged
 * with its name and the server carries on.
 *
 * <table>
 *   <caption>Where and when each hook runs</caption>
 *   <tr><th>Hook</th><th>Process</th><th>Moment</th></tr>
 *   <tr><td>{@link #onStarting()}</td><td>master</td><td>first, before the socket is bound</td></tr>
 *   <tr><td>{@link #whenReady(List)}</td><td>master</td><td>once, when every first worker is ready</td></tr>
 *   <tr><td>{@link #preRequest(Environ)}</td><td>worker</td><td>before the application is called</td></tr>
 *   <tr><td>{@link #postRequest(Environ, String)}</td><td>worker</td><td>after the response was sent (its body closed)</td></tr>
 *   <tr><td>{@link #childExit(long, int)}</td><td>master</td><td>each time a worker has exited and been reaped</td></tr>
 *   <tr><td>{@link #onExit(int)}</td><td>master</td><td>last, before the master exits</td></tr>
 * </table>
 * Without worker processes ({@code gatehouse serve} with no {@code --workers}) the one process
 * runs them all but {@code childExit}.
 *
 * {@snippet :
 * public final class DeployHooks implements Hooks {
 *     @Override
 *     public void whenReady(List<SocketAddress> addresses) {
 *         System.err.println("serving on " + addresses);
 *     }
 * }
 * // gatehouse serve com.example.App --workers 4 --hooks com.example.DeployHooks
 * }
 */
public interface Hooks {

    /** Runs in the master before anything else, even binding the socket. */
    default void onStarting() throws Exception {
    }

    /**
     * Runs once, when the first workers are all ready.
     *
     * @param addresses the listening addresses in {@code --bind} order: {@link java.net.InetSocketAddress}
     *                  or {@link java.net.UnixDomainSocketAddress}
     */
    default void whenReady(List<SocketAddress> addresses) throws Exception {
    }

    /** @param environ the request about to reach the application; runs on the request's thread */
    default void preRequest(Environ environ) throws Exception {
    }

    /**
     * @param environ the request
     * @param status  the status line sent, such as {@code "200 OK"}, or {@code null} when the
     *                application failed before starting a response
     */
    default void postRequest(Environ environ, String status) throws Exception {
    }

    /** @param pid the worker's pid @param exitCode its exit code, 128 + N for signal N */
    default void childExit(long pid, int exitCode) throws Exception {
    }

    /** @param exitCode what the master is about to exit with */
    default void onExit(int exitCode) throws Exception {
    }
}
