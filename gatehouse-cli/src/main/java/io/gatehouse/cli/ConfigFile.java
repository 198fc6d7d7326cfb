package io.gatehouse.cli;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@code gatehouse serve} config file (TOML) into a {@link SettingLayer}. Keys are the long
 * flags without dashes, plus {@code app}; a repeatable setting takes an array or a single value.
 *
 * {@snippet :
 * // gatehouse.toml:
 * //   app = "examples.hello.HelloApp"
 * //   workers = 4
 * //   bind = ["127.0.0.1:8000", "[::1]:8000"]
 * //   limit-request-line = 8190
 * SettingLayer file = ConfigFile.read(Path.of("gatehouse.toml"));
 * }
 *
 * <p>Only the shape is checked here (known key, scalar or array); each value is then parsed by its
 * setting in {@link EffectiveSettings}, which names this file and the key's line when it is bad.
 */
public final class ConfigFile {

    /** Keys a file may not set: the file cannot name another file. */
    private static final Set<String> NOT_IN_FILE = Set.of(ServeSettings.CONFIG.name());

    private ConfigFile() {
    }

    /**
     * @param file the TOML file
     * @return its settings, each with its line number
     * @throws CommandFailure ({@link ExitCode#USAGE}) with one line naming the file, the line and the
     *     problem: unreadable, not TOML, an unknown key, a table or a wrong kind of value
     */
    public static SettingLayer read(Path file) {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCode.USAGE, file + ": no such config file");
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE, file + ": cannot read the config file: " + e.getMessage());
        }
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().getFirst();
            throw new CommandFailure(ExitCode.USAGE, file + ":" + error.position().line() + ": not valid TOML: "
                + error.getMessage().replaceAll("\\s+", " "));
        }
        Map<String, Setting> known = ServeSettings.ALL.stream()
            .filter(setting -> !NOT_IN_FILE.contains(setting.name()))
            .collect(Collectors.toMap(Setting::name, setting -> setting));
        Map<String, SettingLayer.Entry> entries = new LinkedHashMap<>();
        for (String key : toml.keySet()) {
            List<String> path = List.of(key);
            int line = line(toml.inputPositionOf(path));
            String where = file + ":" + line + ": " + key;
            Setting setting = known.get(key);
            if (setting == null && !key.equals(SettingLayer.APP)) {
                throw new CommandFailure(ExitCode.USAGE, where + ": unknown key; expected " + SettingLayer.APP
                    + " or a serve setting (" + String.join(", ", known.keySet().stream().sorted().toList()) + ")");
            }
            boolean many = setting != null && setting.repeatable();
            entries.put(key, new SettingLayer.Entry(texts(toml.get(path), many, where,
                setting == null ? "APP" : setting.label()), line));
        }
        return new SettingLayer(SettingSource.FILE, file.toString(), entries);
    }

    private static List<String> texts(Object value, boolean many, String where, String label) {
        if (value instanceof TomlArray array) {
            if (!many) {
                throw new CommandFailure(ExitCode.USAGE, where + ": expected one " + label + ", got an array");
            }
            List<String> texts = new ArrayList<>();
            for (Object element : array.toList()) {
                texts.add(scalar(element, where, label));
            }
            return texts;
        }
        return List.of(scalar(value, where, many ? label + " or an array of them" : label));
    }

    private static String scalar(Object value, String where, String label) {
        return switch (value) {
            case String text -> text;
            case Long number -> number.toString();
            case Double number when Double.isFinite(number) -> BigDecimal.valueOf(number).toPlainString();
            case Boolean flag -> flag.toString();
            case TomlTable table -> throw new CommandFailure(ExitCode.USAGE, where + ": expected " + label
                + ", got a table");
            default -> throw new CommandFailure(ExitCode.USAGE, where + ": expected " + label + ", got "
                + value);
        };
    }

    private static int line(TomlPosition position) {
        return position == null ? 0 : position.line();
    }
}
