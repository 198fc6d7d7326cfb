package io.gatehouse.servlet;

import io.gatehouse.spec.Application;
import jakarta.servlet.ServletException;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Resolves {@code some.Class:field} (or a class that is itself an {@link Application} with a
 * no-argument constructor) to the application; a bad reference fails with one line naming it.
 */
final class ApplicationReference {

    private ApplicationReference() {
    }

    static Application load(String reference) throws ServletException {
        if (reference == null || reference.isBlank()) {
            throw new ServletException("GatewayServlet needs the init parameter " + GatewayServlet.APPLICATION_PARAMETER
                + " (such as examples.notes.NotesApp:app)");
        }
        int colon = reference.indexOf(':');
        String className = colon < 0 ? reference : reference.substring(0, colon);
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (colon < 0) {
                return (Application) type.getDeclaredConstructor().newInstance();
            }
            Field field = type.getField(reference.substring(colon + 1));
            if (!Modifier.isStatic(field.getModifiers()) || !(field.get(null) instanceof Application app)) {
                throw new ServletException(reference + " is not a static field holding an Application");
            }
            return app;
        } catch (ClassNotFoundException e) {
            throw new ServletException("no class " + className + " (from " + reference + ")");
        } catch (NoSuchFieldException e) {
            throw new ServletException("no public field " + reference);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new ServletException("cannot make an Application from " + reference + ": " + e);
        }
    }
}
