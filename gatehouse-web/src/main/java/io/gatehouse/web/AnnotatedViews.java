package io.gatehouse.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Finds the {@link Route} methods of an object (or the static ones of a class) and makes rules of them. */
final class AnnotatedViews {

    private AnnotatedViews() {
    }

    static List<Rule> rules(Object views) {
        Class<?> type = views instanceof Class<?> c ? c : views.getClass();
        Object target = views instanceof Class<?> ? null : views;
        List<Method> methods = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Route.class)) {
                methods.add(method);
            }
        }
        methods.sort(Comparator.comparing(Method::getName)); // reflection order is unspecified
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Route methods");
        }
        List<Rule> rules = new ArrayList<>();
        for (Method method : methods) {
            Route route = method.getAnnotation(Route.class);
            if (target == null && !Modifier.isStatic(method.getModifiers())) {
                throw new IllegalArgumentException(type.getName() + "." + method.getName()
                    + " is an instance method: register an instance, not the class");
            }
            String name = route.name().isEmpty() ? method.getName() : route.name();
            PathTemplate template = PathTemplate.parse(route.value());
            rules.add(new Rule(name, template, Set.of(route.methods()), handler(target, method, template)));
        }
        return rules;
    }

    private static Handler handler(Object target, Method method, PathTemplate template) {
        method.setAccessible(true);
        List<Function<Request, Object>> arguments = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            arguments.add(argument(method, parameter, template));
        }
        return request -> {
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = arguments.get(i).apply(request);
            }
            try {
                return method.invoke(target, values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw (Error) e.getCause();
            }
        };
    }

    private static Function<Request, Object> argument(Method method, Parameter parameter, PathTemplate template) {
        Class<?> type = parameter.getType();
        if (type == Request.class) {
            return request -> request;
        }
        if (type == Session.class) {
            return Request::session;
        }
        Param param = parameter.getAnnotation(Param.class);
        if (param == null && !parameter.isNamePresent()) {
            throw new IllegalArgumentException(method.getDeclaringClass().getName() + "." + method.getName()
                + ": parameter " + parameter.getName() + " needs @Param(\"name\") (or compile with -parameters)");
        }
        String name = param != null ? param.value() : parameter.getName();
        if (!template.parameterNames().contains(name)) {
            throw new IllegalArgumentException(method.getDeclaringClass().getName() + "." + method.getName()
                + ": route " + template.pattern() + " has no placeholder '" + name + "'");
        }
        Class<?> boxed = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        Class<?> produced = template.segments().stream()
            .filter(s -> s instanceof PathTemplate.Placeholder p && p.name().equals(name))
            .map(s -> ((PathTemplate.Placeholder) s).converter().valueType()).findFirst().orElseThrow();
        if (boxed != String.class && !boxed.isAssignableFrom(produced)) {
            throw new IllegalArgumentException(method.getDeclaringClass().getName() + "." + method.getName()
                + ": parameter '" + name + "' is " + type.getSimpleName() + " but the route gives " + produced.getSimpleName());
        }
        return request -> {
            Object value = request.param(name);
            if (boxed == String.class && value != null) {
                return value.toString();
            }
            return boxed.cast(value);
        };
    }
}
