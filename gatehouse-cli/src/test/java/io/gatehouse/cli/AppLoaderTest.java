package io.gatehouse.cli;

import io.gatehouse.spec.Application;
import io.gatehouse.testing.TestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppLoaderTest {

    private static final String FIXTURES = "io.gatehouse.cli.fixtures.";

    private final AppLoader loader = new AppLoader(AppLoaderTest.class.getClassLoader());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        ClassApp                    | class
        Apps:FIELD                  | field
        Apps:factory                | factory
        ConventionalApp             | conventional app
        ConventionalFactory         | conventional application
        Apps.Nested                 | nested
        Apps$Nested                 | nested
        """)
    void loadsTheApplicationThatTheNameGives(String name, String answer) throws Exception {
        Application app = loader.load(FIXTURES + name);
        assertEquals(answer, TestClient.of(app).get("/").send().text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        no.such.Thing                 | no class 'no.such.Thing' on the class path
        ""                            | '' is not a class name or Class:member (e.g. examples.hello.HelloApp)
        Apps:                         | 'Apps:' is not a class name or Class:member (e.g. examples.hello.HelloApp)
        a b                           | 'a b' is not a class name or Class:member (e.g. examples.hello.HelloApp)
        java.lang.String              | 'java.lang.String' is not an Application and has no public static 'app' or 'application' (it is a java.lang.String)
        """)
    void explainsANameThatCannotWorkInOneLine(String name, String message) {
        String fixtureFree = name.replace("Apps:", FIXTURES + "Apps:");
        AppNotLoadable failure = assertThrows(AppNotLoadable.class, () -> loader.load(fixtureFree));
        assertEquals(message.replace("'Apps:'", "'" + FIXTURES + "Apps:'"), failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Apps:nothing                | names no public static field or method
        Apps:instanceField          | names no public static field or method
        Apps:withArgument           | names no public static field or method
        Apps:answering              | names no public static field or method
        Apps:NOT_AN_APP             | is not an Application (it is a java.lang.String)
        Apps:UNSET                  | is not an Application (it is null)
        Apps:broken                 | failed: java.lang.IllegalStateException: database is down
        BadApps$NeedsArgument       | has no public no-argument constructor
        BadApps$Unfinished          | is abstract; name a concrete class or a Class:member
        BadApps$FailsToStart        | failed in its constructor: java.lang.IllegalStateException: missing secret key
        BadApps$Hidden              | is not a public class
        """)
    void explainsAFixtureThatIsNoApplication(String name, String problem) {
        AppNotLoadable failure = assertThrows(AppNotLoadable.class, () -> loader.load(FIXTURES + name));
        assertEquals("'" + FIXTURES + name + "' " + problem, failure.getMessage());
    }
}
