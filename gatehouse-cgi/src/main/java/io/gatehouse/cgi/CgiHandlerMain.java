package io.gatehouse.cgi;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Body;
import io.gatehouse.spec.Header;

import java.io.IOException;
import java.util.List;

/**
 * Runs the application class named on the command line as a CGI script, so any application
 * becomes one with a two-line wrapper script:
 *
 * {@snippet :
 * // shell: #!/bin/sh
 * // shell: exec java -cp /srv/app.jar io.gatehouse.cgi.CgiHandlerMain com.example.ShopApp
 * }
 *
 * <p>The class must implement {@link Application} and have a public no-argument constructor. A
 * class that cannot be loaded gives one line on stderr and a 500 response.
 */
public final class CgiHandlerMain {

    private CgiHandlerMain() {
    }

    /**
     * @param args the application class name
     * @throws IOException when stdout cannot be written
     */
    public static void main(String[] args) throws IOException {
        CgiHandler handler = CgiHandler.standard();
        Application application;
        try {
            if (args.length != 1) {
                throw new IllegalArgumentException("usage: CgiHandlerMain APPLICATION_CLASS");
            }
            Object instance = Class.forName(args[0]).getConstructor().newInstance();
            application = (Application) instance;
        } catch (ReflectiveOperationException | ClassCastException | IllegalArgumentException e) {
            System.err.println("gatehouse cgi: cannot load application " + (args.length > 0 ? args[0] : "")
                + ": " + e);
            application = (environ, startResponse) -> {
                startResponse.start("500 Internal Server Error", List.of(Header.of("Content-Type", "text/plain")));
                return Body.of("Internal Server Error\n");
            };
        }
        handler.run(application);
        System.out.flush();
    }
}
