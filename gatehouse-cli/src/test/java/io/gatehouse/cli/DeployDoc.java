package io.gatehouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The nginx configurations shown in docs/deploy.md, read from the file so that the tests run
 * exactly what the guide recommends; {@link #replace} fails when the guide's text changed under
 * a test's substitution, so the two cannot drift apart silently.
 */
final class DeployDoc {

    private static final Path FILE = Path.of("..", "docs", "deploy.md");

    private DeployDoc() {
    }

    /** @return the first {@code ```nginx} block after the heading that starts with {@code heading} */
    static String nginxBlock(String heading) throws IOException {
        String doc = Files.readString(FILE);
        int section = doc.indexOf("\n" + heading);
        if (section < 0) {
            fail("docs/deploy.md has no heading '" + heading + "'");
        }
        int start = doc.indexOf("```nginx\n", section);
        int end = doc.indexOf("```", start + 9);
        assertTrue(start > 0 && end > start, "no nginx block under '" + heading + "' in docs/deploy.md");
        return doc.substring(start + 9, end);
    }

    /** @return {@code config} with the one occurrence of {@code what} replaced */
    static String replace(String config, String what, String with) {
        int at = config.indexOf(what);
        if (at < 0 || config.indexOf(what, at + 1) >= 0) {
            fail("docs/deploy.md's nginx config should contain '" + what + "' exactly once; "
                + "update the test with the guide:\n" + config);
        }
        return config.replace(what, with);
    }
}
