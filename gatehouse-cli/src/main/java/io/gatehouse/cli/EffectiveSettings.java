package io.gatehouse.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code serve} settings in effect once every source is applied: defaults, then the config
 * file, then {@code GATEHOUSE_ARGS}, then the command line, each overriding the ones before. A
 * repeatable setting is replaced as a whole, never merged across sources.
 *
 * <p>Every value is kept as typed as well as parsed, so the master can hand the resolved settings
 * to its workers as flags ({@link #workerArguments()}) and {@code gatehouse check} can show them.
 *
 * {@snippet :
 * EffectiveSettings settings = EffectiveSettings.resolve(List.of(fileLayer, envLayer, flagLayer));
 * ServerConfig config = ServeSettings.config(settings.values());
 * }
 */
public final class EffectiveSettings {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final Map<Setting, Resolved> settings;
    private final String app;
    private final SettingSource appSource;

    private record Resolved(List<String> texts, SettingSource source, Object value) {
    }

    private EffectiveSettings(Map<Setting, Resolved> settings, String app, SettingSource appSource) {
        this.settings = settings;
        this.app = app;
        this.appSource = appSource;
    }

    /**
     * @param layers the sources, lowest precedence first
     * @return the settings in effect
     * @throws CommandFailure ({@link ExitCode#USAGE}) naming the source, line and key of a bad value
     */
    public static EffectiveSettings resolve(List<SettingLayer> layers) {
        Map<Setting, Resolved> resolved = new LinkedHashMap<>();
        for (Setting setting : ServeSettings.ALL) {
            SettingLayer layer = top(layers, setting.name());
            if (layer == null) {
                List<String> texts = setting.defaultValue() == null ? List.of() : List.of(setting.defaultValue());
                resolved.put(setting, new Resolved(texts, SettingSource.DEFAULT, parse(setting, texts, null)));
            } else {
                List<String> texts = layer.entry(setting.name()).texts();
                resolved.put(setting, new Resolved(texts, layer.source(), parse(setting, texts, layer)));
            }
        }
        SettingLayer appLayer = top(layers, SettingLayer.APP);
        if (appLayer == null) {
            return new EffectiveSettings(resolved, ServeCommand.DEFAULT_APP, SettingSource.DEFAULT);
        }
        List<String> apps = appLayer.entry(SettingLayer.APP).texts();
        if (apps.size() != 1 || apps.getFirst().isBlank()) {
            throw new CommandFailure(ExitCode.USAGE, appLayer.where(SettingLayer.APP)
                + ": expected one application name, package.Class or package.Class:member");
        }
        return new EffectiveSettings(resolved, apps.getFirst(), appLayer.source());
    }

    private static SettingLayer top(List<SettingLayer> layers, String key) {
        for (SettingLayer layer : layers.reversed()) {
            if (layer.entry(key) != null) {
                return layer;
            }
        }
        return null;
    }

    private static Object parse(Setting setting, List<String> texts, SettingLayer layer) {
        String where = layer == null ? "default of " + setting.name() : layer.where(setting.name());
        if (!setting.repeatable() && texts.size() > 1) {
            throw new CommandFailure(ExitCode.USAGE, where + ": expected one " + setting.label() + ", got "
                + texts.size() + " values");
        }
        try {
            if (setting.repeatable()) {
                return texts.stream().map(text -> (Object) setting.parse().apply(text)).toList();
            }
            return texts.isEmpty() ? null : setting.parse().apply(texts.getFirst());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, where + ": " + e.getMessage() + " (expected "
                + setting.label() + ")");
        }
    }

    /** @return each setting's parsed value (a List for repeatable ones), as {@link ServeSettings#config} takes */
    public Map<Setting, Object> values() {
        Map<Setting, Object> values = new LinkedHashMap<>();
        settings.forEach((setting, resolved) -> values.put(setting, resolved.value()));
        return values;
    }

    /** @param setting a registered setting @return its parsed value, {@code null} when unset */
    public Object value(Setting setting) {
        return settings.get(setting).value();
    }

    /** @param setting a registered setting @return where its value came from */
    public SettingSource source(Setting setting) {
        return settings.get(setting).source();
    }

    /** @return the application to serve */
    public String app() {
        return app;
    }

    /**
     * The flags a worker gets: the application, then every setting that is not a default and not
     * one only the master uses ({@link ServeSettings#SUPERVISION}). Any setting added to the registry
     * reaches the workers this way with no further work.
     *
     * @return {@code APP --name value ...}
     */
    public List<String> workerArguments() {
        List<String> args = new ArrayList<>(List.of(app));
        settings.forEach((setting, resolved) -> {
            if (resolved.source() != SettingSource.DEFAULT && !ServeSettings.SUPERVISION.contains(setting)) {
                for (String text : resolved.texts()) {
                    args.add(setting.longFlag() + "=" + text);
                }
            }
        });
        return args;
    }

    /**
     * @return one line per setting, {@code key = value  # source}, in TOML syntax so the output
     *     can serve as a config file; an unset setting shows as a comment
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(SettingLayer.APP + " = " + toml(app) + "  # " + appSource.label());
        settings.forEach((setting, resolved) -> {
            String value;
            if (setting.repeatable()) {
                value = "[" + String.join(", ", resolved.texts().stream().map(EffectiveSettings::toml).toList()) + "]";
            } else if (resolved.texts().isEmpty()) {
                lines.add("# " + setting.name() + " is not set  # " + resolved.source().label());
                return;
            } else {
                value = toml(resolved.texts().getFirst());
            }
            lines.add(setting.name() + " = " + value + "  # " + resolved.source().label());
        });
        return lines;
    }

    private static String toml(String text) {
        if (NUMBER.matcher(text).matches()) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
