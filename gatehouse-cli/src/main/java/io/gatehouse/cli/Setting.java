package io.gatehouse.cli;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting as data: its flags, value label, type, default and doc. {@code --help} and
 * {@code docs/settings.md} are both generated from the registry of these, {@link ServeSettings},
 * so the two cannot disagree.
 *
 * {@snippet :
 * Setting keepAlive = Setting.single("keep-alive", "SECONDS", "5", Seconds::positive,
 *     "Close an idle persistent connection after this long.");
 * }
 *
 * @param name         the setting's name, also its long flag without the dashes
 * @param shortFlag    a one-letter flag such as {@code -b}, or {@code null}
 * @param label        what the value is, as shown in help ({@code HOST:PORT}, {@code SECONDS}); empty
 *                     for an on/off flag
 * @param defaultValue the default as typed on a command line, or {@code null} for none
 * @param repeatable   whether the flag may be given more than once, each adding a value
 * @param parse        turns one value into its typed form; throws IllegalArgumentException naming
 *                     what is wrong
 * @param doc          one or two sentences for help and docs
 */
public record Setting(String name, String shortFlag, String label, String defaultValue, boolean repeatable,
                      Function<String, ?> parse, String doc) {

    /** Checks that the setting can be shown and parsed. */
    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(parse, "parse");
        Objects.requireNonNull(doc, "doc");
    }

    /**
     * @param name         the long flag without dashes
     * @param label        the value's label
     * @param defaultValue the default as typed
     * @param parse        the value's parser
     * @param doc          the description
     * @return a setting given at most once
     */
    public static Setting single(String name, String label, String defaultValue, Function<String, ?> parse, String doc) {
        return new Setting(name, null, label, defaultValue, false, parse, doc);
    }

    /** The label of an on/off setting: given alone it means true ({@code --preload}). */
    public static final String FLAG = "true|false";

    /**
     * @param name the long flag without dashes
     * @param doc  the description
     * @return an on/off setting, off by default; {@code --name} alone turns it on
     */
    public static Setting flag(String name, String doc) {
        return new Setting(name, null, FLAG, "false", false, Setting::bool, doc);
    }

    /** @return whether this is an on/off setting made by {@link #flag} */
    public boolean isFlag() {
        return FLAG.equals(label);
    }

    private static Boolean bool(String value) {
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    /** @return {@code --name} */
    public String longFlag() {
        return "--" + name;
    }

    /** @return every flag, short one first */
    public List<String> flags() {
        return shortFlag == null ? List.of(longFlag()) : List.of(shortFlag, longFlag());
    }
}
