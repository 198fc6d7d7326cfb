package io.gatehouse.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * HTML templates rendered with Pebble (Jinja-like syntax, HTML escaping on by default, template
 * inheritance, compiled templates cached).
 *
 * {@snippet :
 * app.templates(Templates.classpath("templates"));
 * // in a view:
 * return request.render("note.peb", Map.of("note", note));
 * }
 *
 * <p>Templates see the model plus {@code request} (so {@code {{ request.urlFor('index') }}} works)
 * and {@code session}.
 */
public final class Templates {

    private final PebbleEngine engine;

    private Templates(Loader<?> loader, boolean cache) {
        this.engine = new PebbleEngine.Builder().loader(loader).cacheActive(cache).strictVariables(false).build();
    }

    /**
     * Templates from the class path, cached after their first use.
     *
     * @param prefix the resource folder, such as {@code "templates"}
     * @return the templates
     */
    public static Templates classpath(String prefix) {
        ClasspathLoader loader = new ClasspathLoader(Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : Templates.class.getClassLoader());
        loader.setPrefix(prefix);
        return new Templates(loader, true);
    }

    /**
     * Templates from a directory, re-read on every render (for development).
     *
     * @param directory the folder
     * @return the templates
     */
    public static Templates directory(Path directory) {
        FileLoader loader = new FileLoader();
        loader.setPrefix(directory.toAbsolutePath().toString());
        return new Templates(loader, false);
    }

    /**
     * Renders a template.
     *
     * @param name  the template name, such as {@code "note.peb"}
     * @param model the variables
     * @return the text
     * @throws IllegalArgumentException when the template is missing or malformed
     */
    public String render(String name, Map<String, ?> model) {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            StringWriter out = new StringWriter();
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) model;
            template.evaluate(out, context);
            return out.toString();
        } catch (PebbleException e) {
            throw new IllegalArgumentException("template " + name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
