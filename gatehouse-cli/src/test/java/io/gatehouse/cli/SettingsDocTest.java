package io.gatehouse.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsDocTest {

    @Test
    void docsSettingsMdIsTheOneGeneratedFromTheRegistry() throws IOException {
        String expected = SettingsDoc.markdown();
        Path fresh = Path.of("target", "settings.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, expected);
        String committed = Files.readString(Path.of("..", "docs", "settings.md"));
        assertEquals(expected, committed,
            "docs/settings.md is stale: cp gatehouse-cli/target/settings.md docs/settings.md");
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndEveryExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve", "--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertEquals(0, code);
        for (Setting setting : ServeSettings.ALL) {
            String form = setting.isFlag() ? "[=" + setting.label() + "]" : "=" + setting.label();
            assertTrue(help.contains(setting.longFlag() + form), setting.name());
            assertTrue(help.contains(SettingOptions.description(setting)), setting.name());
        }
        for (ExitCode exitCode : ExitCode.values()) {
            assertTrue(help.contains(exitCode.code() + " " + exitCode.meaning()), exitCode.name());
        }
    }
}
