package examples.notes;

import examples.flask.HelloFlask;
import examples.pyramid.HelloPyramid;
import io.gatehouse.spec.Application;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** {@code ./gatehouse serve some.Class:app} needs a public static final Application field named app. */
class ServeReferencesTest {

    @Test
    void everyExampleExposesAPublicStaticFinalApp() throws Exception {
        for (Class<?> example : new Class<?>[] {HelloPyramid.class, HelloFlask.class, NotesApp.class}) {
            Field field = example.getField("app");
            assertEquals(Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL,
                field.getModifiers() & (Modifier.PUBLIC | Modifier.STATIC | Modifier.FINAL), example.getName());
            assertEquals(Application.class, field.getType(), example.getName());
            assertNotNull(field.get(null), example.getName());
        }
    }
}
