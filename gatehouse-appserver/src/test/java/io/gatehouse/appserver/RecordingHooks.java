package io.gatehouse.appserver;

import io.gatehouse.spec.Environ;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

/** Test hooks: each hook prints one {@code hook: NAME ...} line to stderr (the master's log). */
public final class RecordingHooks implements Hooks {

    @Override
    public void onStarting() {
        System.err.println("hook: onStarting");
    }

    @Override
    public void whenReady(List<SocketAddress> addresses) {
        System.err.println("hook: whenReady port " + ((InetSocketAddress) addresses.getFirst()).getPort());
    }

    @Override
    public void preRequest(Environ environ) {
        System.err.println("hook: preRequest " + environ.pathInfo());
    }

    @Override
    public void postRequest(Environ environ, String status) {
        System.err.println("hook: postRequest " + environ.pathInfo() + " " + status);
    }

    @Override
    public void childExit(long pid, int exitCode) {
        System.err.println("hook: childExit " + pid + " " + exitCode);
    }

    @Override
    public void onExit(int exitCode) {
        System.err.println("hook: onExit " + exitCode);
    }

    /** Hooks that all throw: the master must log each and carry on. */
    public static final class Throwing implements Hooks {
        @Override
        public void onStarting() {
            throw new IllegalStateException("boom at start");
        }

        @Override
        public void whenReady(List<SocketAddress> addresses) {
            throw new IllegalStateException("boom when ready");
        }

        @Override
        public void childExit(long pid, int exitCode) {
            throw new IllegalStateException("boom at child exit");
        }

        @Override
        public void onExit(int exitCode) {
            throw new IllegalStateException("boom at exit");
        }
    }
}
