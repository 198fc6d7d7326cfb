package io.gatehouse.web;

import io.gatehouse.spec.Application;
import io.gatehouse.spec.Environ;

import java.util.List;
import java.util.Set;

/**
 * The rules that send everything under a prefix to another gateway application, moving the prefix
 * from {@code PATH_INFO} to {@code SCRIPT_NAME} as the gateway spec's mounting rule says, so the
 * mounted application's own {@code urlFor} and redirects include the prefix.
 */
final class Mounting {

    private Mounting() {
    }

    static List<Rule> rules(String prefix, Application application) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("a mount prefix must start with '/' and not end with '/': " + prefix);
        }
        Handler handler = request -> (Application) (environ, startResponse) -> {
            Environ inner = environ.copy();
            inner.put(Environ.SCRIPT_NAME, environ.scriptName() + prefix);
            inner.put(Environ.PATH_INFO, environ.pathInfo().substring(prefix.length()));
            return application.call(inner, startResponse);
        };
        return List.of(Rule.of(null, prefix, Set.of(), handler), Rule.of(null, prefix + "/{rest:path}", Set.of(), handler));
    }
}
