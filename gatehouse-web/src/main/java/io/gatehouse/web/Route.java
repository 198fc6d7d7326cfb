package io.gatehouse.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a view, Flask style; register the object (or, for static methods, the class)
 * with {@link App#register(Object)}.
 *
 * {@snippet :
 * public final class NotesViews {
 *     @Route("/notes/{id:int}")
 *     public Note show(@Param("id") int id) { ... }               // JSON
 *
 *     @Route(value = "/notes", methods = "POST", name = "create")
 *     public Response create(Request request) { ... }
 * }
 * }
 *
 * <p>Parameters may be a {@link Request}, a {@link Session}, or a route placeholder: annotated with
 * {@link Param}, or matched by name when the code was compiled with {@code -parameters}.
 * The route name is {@link #name()}, else the method's name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {

    /** @return the path pattern, such as {@code "/notes/{id:int}"} */
    String value();

    /** @return the methods; GET by default (HEAD and OPTIONS are automatic) */
    String[] methods() default {"GET"};

    /** @return the route name for {@code urlFor}; empty for the method's name */
    String name() default "";
}
