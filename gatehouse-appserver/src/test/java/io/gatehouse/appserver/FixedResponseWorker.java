package io.gatehouse.appserver;

import io.gatehouse.spec.Application;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Phaser;

/**
 * Test scaffolding: a worker main whose service answers every request with its own pid, keep-alive
 * included, so the process machinery can be tested without the HTTP server. {@code GET /hang} calls
 * the C library's {@code pause()} from a virtual thread, pinning its carrier: with one carrier the
 * worker then stops beating, as a truly stuck worker would.
 */
public final class FixedResponseWorker implements WorkerService {

    private static final MethodHandle PAUSE = Linker.nativeLinker().downcallHandle(
        Linker.nativeLinker().defaultLookup().findOrThrow("pause"), FunctionDescriptor.ofVoid());

    private final ServerSocketChannel listener;
    private final RequestBudget budget;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean stopping;

    FixedResponseWorker(ServerSocketChannel listener, Application application, WorkerOptions options,
                        RequestBudget budget) {
        this.listener = listener;
        this.budget = budget;
    }

    /** @param args worker options */
    public static void main(String[] args) {
        System.exit(WorkerMain.run(args, FixedResponseWorker::new));
    }

    @Override
    public void start() {
        Thread.ofVirtual().start(this::acceptLoop);
    }

    private void acceptLoop() {
        try {
            while (!stopping) {
                Socket socket = listener.accept().socket();
                connections.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            }
        } catch (IOException e) {
            // The listener was closed by stopGracefully.
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String head;
            while ((head = readHead(in)) != null) {
                inFlight.register();
                try {
                    if (head.startsWith("GET /hang ")) {
                        PAUSE.invokeExact();
                    }
                    budget.spend();
                    boolean close = stopping || head.toLowerCase().contains("connection: close");
                    byte[] body = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n"
                        + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    if (close) {
                        return;
                    }
                } finally {
                    inFlight.arriveAndDeregister();
                }
            }
        } catch (Throwable e) {
            // A client that goes away mid-request is no concern of this scaffolding.
        } finally {
            connections.remove(socket);
        }
    }

    /** @return the request head up to the blank line, or null at end of stream */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                return head.toString();
            }
        }
        return null;
    }

    @Override
    public void stopGracefully() {
        stopping = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing our copy only; the master keeps the socket open.
        }
        inFlight.arriveAndAwaitAdvance();
        for (Socket idle : connections) {
            try {
                idle.close();
            } catch (IOException e) {
                // Already closed by its client.
            }
        }
    }
}
