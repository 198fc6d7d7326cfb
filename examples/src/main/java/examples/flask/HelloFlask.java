package examples.flask;

import io.gatehouse.spec.Application;
import io.gatehouse.web.App;
import io.gatehouse.web.Response;
import io.gatehouse.web.Route;

/**
 * The seed's Flask example, almost line for line:
 *
 * <pre>{@code
 * flask_app = Flask('flaskapp')
 *
 * @flask_app.route('/hello')
 * def hello_world():
 *     return Response(
 *         'Hello world from Flask!\n',
 *         mimetype='text/plain'
 *     )
 *
 * app = flask_app.wsgi_app
 * }</pre>
 *
 * Run it with {@code ./gatehouse serve examples.flask.HelloFlask:app}, then
 * {@code curl http://127.0.0.1:8000/hello}.
 */
public final class HelloFlask {

    static final App flaskApp = new App("flaskapp");

    @Route("/hello")
    public Response helloWorld() {
        return new Response(
            "Hello world from Flask!\n"
        ).mimetype("text/plain");
    }

    /** The gateway application. */
    public static final Application app = flaskApp.register(new HelloFlask()).application();
}
