package io.gatehouse.server;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Validator;
import io.gatehouse.testing.RawClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/** A server on an ephemeral loopback port serving an app under the Validator, for one test. */
final class RunningServer implements AutoCloseable {

    final Validator validator;
    final Server server;
    final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    RunningServer(Application app) throws IOException {
        this(app, UnaryOperator.identity());
    }

    RunningServer(Application app, UnaryOperator<ServerConfig> configure) throws IOException {
        this.validator = Validator.wrap(app);
        ServerConfig config = configure.apply(ServerConfig.defaults()
            .withBinds(List.of(new InetSocketAddress("127.0.0.1", 0)))
            .withErrorLog(new PrintStream(errors, true, StandardCharsets.UTF_8)));
        this.server = new Server(config, validator);
        server.start();
    }

    InetSocketAddress address() {
        return server.addresses().get(0);
    }

    int port() {
        return address().getPort();
    }

    RawClient connect() throws IOException {
        return RawClient.connect(address());
    }

    String errorLog() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
