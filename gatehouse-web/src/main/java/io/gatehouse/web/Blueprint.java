package io.gatehouse.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A named group of views that an {@link App} mounts at a prefix; its route names get the
 * blueprint's name in front ({@code "api.note"}).
 *
 * {@snippet :
 * Blueprint api = new Blueprint("api").get("/notes/{id:int}", "note", request -> ...);
 * app.register(api, "/api");           // GET /api/notes/7; urlFor("api.note", Map.of("id", 7))
 * }
 */
public final class Blueprint extends RouteGroup<Blueprint> {

    private final String name;
    private final List<Rule> rules = new ArrayList<>();

    /** @param name the prefix for route names: letters, digits, '_' or '-' */
    public Blueprint(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("a blueprint name must be non-empty and have no '.': " + name);
        }
        this.name = name;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    @Override
    void add(Rule rule) {
        rules.add(rule);
    }

    /** @return the rules moved under a prefix, with names qualified by the blueprint's name */
    List<Rule> rulesAt(String prefix) {
        if (!prefix.isEmpty() && (!prefix.startsWith("/") || prefix.endsWith("/"))) {
            throw new IllegalArgumentException("a blueprint prefix must start with '/' and not end with '/': " + prefix);
        }
        return rules.stream().map(rule -> new Rule(rule.name() == null ? null : name + "." + rule.name(),
            PathTemplate.parse(prefix + rule.template().pattern()), rule.methods(), rule.handler())).toList();
    }
}
