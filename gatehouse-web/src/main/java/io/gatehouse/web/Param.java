package io.gatehouse.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a {@link Route} method to a route placeholder.
 *
 * {@snippet :
 * @Route("/notes/{id:int}")
 * public Note show(@Param("id") int id) { ... }
 * }
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

    /** @return the placeholder name */
    String value();
}
