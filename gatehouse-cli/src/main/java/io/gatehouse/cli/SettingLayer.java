package io.gatehouse.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings one source gives, as text keyed by setting name (the long flag without dashes, and
 * {@value #APP} for the application), with where each came from for error lines.
 *
 * {@snippet :
 * SettingLayer flags = SettingLayer.flags(parsedServeSpec);
 * List<String> binds = flags.texts("bind");   // null when the command line did not set it
 * }
 *
 * @param source  which source this is
 * @param origin  how error lines name the source: a file name, {@code GATEHOUSE_ARGS}, {@code command line}
 * @param entries each given setting's values as typed, with its line in the source (0 when unknown)
 */
public record SettingLayer(SettingSource source, String origin, Map<String, Entry> entries) {

    /** The key of the application to serve, the APP argument on a command line. */
    public static final String APP = "app";

    /** Copies the entries, keeping their order. */
    public SettingLayer {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * @param texts the values as typed (several for a repeatable setting)
     * @param line  the line in the source, or 0 when unknown
     */
    public record Entry(List<String> texts, int line) {

        /** Copies the texts. */
        public Entry {
            texts = List.copyOf(texts);
        }
    }

    /**
     * @param spec   a {@code serve} command after picocli has parsed it
     * @param source {@link SettingSource#FLAG} or {@link SettingSource#ENV}
     * @param origin the name for error lines
     * @return the settings given on that command line, defaults left out
     */
    public static SettingLayer parsed(CommandSpec spec, SettingSource source, String origin) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        // The application is serve's APP argument, or the --app option of a command whose argument is another thing.
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.paramLabel().equals("APP") && !positional.originalStringValues().isEmpty()) {
                entries.put(APP, new Entry(List.of(positional.originalStringValues().getLast()), 0));
            }
        }
        OptionSpec appOption = spec.findOption("--" + APP);
        if (appOption != null && !appOption.originalStringValues().isEmpty()) {
            entries.put(APP, new Entry(List.of(appOption.originalStringValues().getLast()), 0));
        }
        for (Setting setting : ServeSettings.ALL) {
            OptionSpec option = spec.findOption(setting.longFlag());
            if (option != null && !option.originalStringValues().isEmpty()) {
                entries.put(setting.name(), new Entry(option.originalStringValues(), 0));
            }
        }
        return new SettingLayer(source, origin, entries);
    }

    /**
     * @param key   a setting name
     * @param texts its values
     * @return a copy of this layer that also sets {@code key}
     */
    public SettingLayer with(String key, List<String> texts) {
        Map<String, Entry> more = new LinkedHashMap<>(entries);
        more.put(key, new Entry(texts, 0));
        return new SettingLayer(source, origin, more);
    }

    /** @param key a setting name @return its entry, or {@code null} when this source does not set it */
    public Entry entry(String key) {
        return entries.get(key);
    }

    /** @param key a setting name @return "origin:line: key" for the start of an error line */
    String where(String key) {
        Entry entry = entries.get(key);
        return origin + (entry != null && entry.line() > 0 ? ":" + entry.line() : "") + ": " + key;
    }
}
