package io.gatehouse.cli;

import io.gatehouse.spec.Application;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Objects;

/**
 * Finds the {@link Application} that a command line names, the way Gunicorn reads {@code module:app}.
 *
 * <p>A name is {@code package.Class} or {@code package.Class:member}:
 * <ol>
 *   <li>{@code package.Class} that implements {@code Application}: a new instance, made with its
 *       public no-argument constructor;</li>
 *   <li>{@code package.Class:member}: the value of a public static field {@code member}, or the
 *       result of a public static no-argument method {@code member()};</li>
 *   <li>{@code package.Class} that is not an {@code Application}: as if {@code :app} were given,
 *       then {@code :application}.</li>
 * </ol>
 * A nested class may be written {@code pkg.Outer.Inner} or {@code pkg.Outer$Inner}.
 *
 * {@snippet :
 * Application app = new AppLoader(getClass().getClassLoader()).load("examples.hello.HelloApp");
 * }
 *
 * Every failure is an {@link AppNotLoadable} whose message is one line naming the problem.
 */
public final class AppLoader {

    /** Members tried, in order, when only a class that is not an Application is named. */
    private static final List<String> CONVENTIONAL_MEMBERS = List.of("app", "application");

    private final ClassLoader classLoader;

    /** @param classLoader where application classes are looked up */
    public AppLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /**
     * @param name {@code package.Class} or {@code package.Class:member}
     * @return the application
     * @throws AppNotLoadable when the name is malformed, the class or member is missing, or what it
     *                        names is not an Application
     */
    public Application load(String name) throws AppNotLoadable {
        int colon = name.indexOf(':');
        String className = colon < 0 ? name : name.substring(0, colon);
        String member = colon < 0 ? null : name.substring(colon + 1);
        if (!isJavaName(className) || (member != null && !isIdentifier(member))) {
            throw new AppNotLoadable("'" + name + "' is not a class name or Class:member (e.g. examples.hello.HelloApp)");
        }
        Class<?> type = findClass(className);
        if (member != null) {
            return fromMember(type, member, name);
        }
        if (Application.class.isAssignableFrom(type)) {
            return instantiate(type, name);
        }
        for (String conventional : CONVENTIONAL_MEMBERS) {
            if (hasPublicStaticMember(type, conventional)) {
                return fromMember(type, conventional, name + ":" + conventional);
            }
        }
        throw new AppNotLoadable("'" + name + "' is not an Application and has no public static 'app' or 'application'"
            + " (it is a " + type.getName() + ")");
    }

    private Class<?> findClass(String className) throws AppNotLoadable {
        String candidate = className;
        while (true) {
            try {
                return Class.forName(candidate, true, classLoader);
            } catch (ClassNotFoundException e) {
                // "pkg.Outer.Inner" is the class "pkg.Outer$Inner": move the last dot to a '$'.
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new AppNotLoadable("no class '" + className + "' on the class path");
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            } catch (ExceptionInInitializerError e) {
                throw new AppNotLoadable("'" + className + "' failed while initializing: " + describe(e.getCause()));
            } catch (LinkageError e) {
                throw new AppNotLoadable("'" + className + "' cannot be loaded: " + describe(e));
            }
        }
    }

    private static Application instantiate(Class<?> type, String name) throws AppNotLoadable {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new AppNotLoadable("'" + name + "' is not a public class");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new AppNotLoadable("'" + name + "' is abstract; name a concrete class or a Class:member");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new AppNotLoadable("'" + name + "' has no public no-argument constructor");
        }
        try {
            return (Application) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new AppNotLoadable("'" + name + "' failed in its constructor: " + describe(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new AppNotLoadable("'" + name + "' cannot be instantiated: " + describe(e));
        }
    }

    private static Application fromMember(Class<?> type, String member, String name) throws AppNotLoadable {
        Object value;
        try {
            Field field = publicStaticField(type, member);
            if (field != null) {
                value = field.get(null);
            } else {
                Method method = publicStaticMethod(type, member);
                if (method == null) {
                    throw new AppNotLoadable("'" + name + "' names no public static field or method");
                }
                value = method.invoke(null);
            }
        } catch (InvocationTargetException e) {
            throw new AppNotLoadable("'" + name + "' failed: " + describe(e.getCause()));
        } catch (IllegalAccessException e) {
            throw new AppNotLoadable("'" + name + "' is not accessible: " + describe(e));
        }
        if (value instanceof Application application) {
            return application;
        }
        throw new AppNotLoadable("'" + name + "' is not an Application ("
            + (value == null ? "it is null" : "it is a " + value.getClass().getName()) + ")");
    }

    private static boolean hasPublicStaticMember(Class<?> type, String member) {
        return publicStaticField(type, member) != null || publicStaticMethod(type, member) != null;
    }

    private static Field publicStaticField(Class<?> type, String member) {
        try {
            Field field = type.getField(member);
            return Modifier.isStatic(field.getModifiers()) && isReachable(field.getDeclaringClass()) ? field : null;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Method publicStaticMethod(Class<?> type, String member) {
        try {
            Method method = type.getMethod(member);
            return Modifier.isStatic(method.getModifiers()) && isReachable(method.getDeclaringClass()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A public member of a non-public class cannot be read by reflection from another package. */
    private static boolean isReachable(Class<?> declaring) {
        return Modifier.isPublic(declaring.getModifiers());
    }

    private static boolean isJavaName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("[.$]", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
            return false;
        }
        return part.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String line = failure.getClass().getName() + (message == null ? "" : ": " + message);
        return line.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
