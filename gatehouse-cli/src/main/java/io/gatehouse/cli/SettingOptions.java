package io.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link Setting}s into picocli options and reads their values back after parsing, so a
 * command's flags come from the registry rather than from annotations.
 *
 * {@snippet :
 * SettingOptions.addTo(spec, ServeSettings.ALL);
 * // ... after picocli has parsed the command line:
 * Map<Setting, Object> values = SettingOptions.values(spec, ServeSettings.ALL);
 * }
 */
public final class SettingOptions {

    private SettingOptions() {
    }

    /** @param spec the command to add options to @param settings the settings, in help order */
    public static void addTo(CommandSpec spec, List<Setting> settings) {
        for (Setting setting : settings) {
            spec.addOption(option(setting));
        }
    }

    /**
     * @param spec     a parsed command
     * @param settings the settings to read
     * @return each setting's value, its default where it was not given; a List for repeatable ones
     */
    public static Map<Setting, Object> values(CommandSpec spec, List<Setting> settings) {
        Map<Setting, Object> values = new LinkedHashMap<>();
        for (Setting setting : settings) {
            Object value = spec.findOption(setting.longFlag()).getValue();
            values.put(setting, value == null && setting.repeatable() ? List.of() : value);
        }
        return values;
    }

    static String description(Setting setting) {
        return setting.doc() + (setting.defaultValue() == null || setting.isFlag() ? ""
            : " Default: " + setting.defaultValue() + ".");
    }

    private static OptionSpec option(Setting setting) {
        CommandLine.ITypeConverter<Object> converter = text -> {
            try {
                return setting.parse().apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
        OptionSpec.Builder builder = OptionSpec.builder(setting.flags().toArray(String[]::new))
            .paramLabel(setting.label())
            .description(description(setting))
            .converters(converter)
            .arity(setting.isFlag() ? "0..1" : "1");
        if (setting.isFlag()) {
            builder.fallbackValue("true");   // --preload alone means --preload=true
        }
        if (setting.repeatable()) {
            builder.type(List.class).auxiliaryTypes(Object.class);
        } else {
            builder.type(Object.class);
        }
        if (setting.defaultValue() != null) {
            builder.defaultValue(setting.defaultValue());
        }
        return builder.build();
    }
}
