package examples.pyramid;

import io.gatehouse.spec.Application;
import io.gatehouse.web.Configurator;
import io.gatehouse.web.Request;
import io.gatehouse.web.Response;

/**
 * The seed's Pyramid example, almost line for line:
 *
 * <pre>{@code
 * def hello_world(request):
 *     return Response(
 *         'Hello world from Pyramid!\n',
 *         content_type='text/plain',
 *     )
 *
 * config = Configurator()
 * config.add_route('hello', '/hello')
 * config.add_view(hello_world, route_name='hello')
 * app = config.make_wsgi_app()
 * }</pre>
 *
 * Run it with {@code ./gatehouse serve examples.pyramid.HelloPyramid:app}, then
 * {@code curl http://127.0.0.1:8000/hello}.
 */
public final class HelloPyramid {

    static Response helloWorld(Request request) {
        return new Response(
            "Hello world from Pyramid!\n"
        ).contentType("text/plain");
    }

    /** The gateway application. */
    public static final Application app;

    static {
        Configurator config = new Configurator();
        config.addRoute("hello", "/hello");
        config.addView(HelloPyramid::helloWorld, "hello");
        app = config.makeApplication();
    }

    private HelloPyramid() {
    }
}
