package io.gatehouse.bench.peers;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty 12 with a core {@link Handler} (no servlets), its default thread pool and connector.
 *
 * {@snippet :
 * // java -cp ... io.gatehouse.bench.peers.JettyHello 19000
 * }
 */
public final class JettyHello {

    private JettyHello() {
    }

    /** @param args the port */
    public static void main(String[] args) throws Exception {
        int port = Ports.fromArgs(args, "JettyHello");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new HelloHandler());
        server.start();
        server.join();
    }

    /** Answers from the calling thread; never blocks, so Jetty may run it on its selector thread. */
    private static final class HelloHandler extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            switch (request.getHttpURI().getPath()) {
                case "/" -> send(response, callback, 200, "text/plain", Bodies.HELLO);
                case "/json" -> send(response, callback, 200, "application/json", Bodies.json());
                case "/64k" -> send(response, callback, 200, "application/octet-stream", Bodies.SIXTY_FOUR_KIB);
                default -> send(response, callback, 404, "text/plain", new byte[0]);
            }
            return true;
        }

        private static void send(Response response, Callback callback, int status, String type, byte[] body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
