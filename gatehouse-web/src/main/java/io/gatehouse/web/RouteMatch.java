package io.gatehouse.web;

import java.util.Map;
import java.util.Set;

/**
 * What the {@link Router} found for a method and path.
 *
 * {@snippet :
 * switch (router.match("GET", "/notes/7")) {
 *     case RouteMatch.Found found -> found.rule().handler();
 *     case RouteMatch.MethodNotAllowed nope -> nope.allowed();     // for the Allow field
 *     case RouteMatch.Redirect slash -> slash.path();              // the canonical path
 *     case RouteMatch.Options options -> options.allowed();         // the automatic OPTIONS answer
 *     case RouteMatch.NotFound ignored -> null;
 * }
 * }
 */
public sealed interface RouteMatch {

    /**
     * @param rule   the rule that answers
     * @param params the converted placeholder values, by name
     */
    record Found(Rule rule, Map<String, Object> params) implements RouteMatch {
    }

    /** @param allowed the methods the path does answer, for the {@code Allow} field */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {
    }

    /** @param path the same path with its trailing slash added or removed, which does match */
    record Redirect(String path) implements RouteMatch {
    }

    /** No route has this path. */
    record NotFound() implements RouteMatch {
    }

    /**
     * The automatic answer to {@code OPTIONS} on a path that has no explicit OPTIONS view.
     *
     * @param allowed the methods the path answers
     */
    record Options(Set<String> allowed) implements RouteMatch {
    }
}
