package io.gatehouse.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The framework runs under any compliant server, so it must never import one (docs/architecture). */
class DependencyRuleTest {

    @Test
    void noSourceFileImportsTheServerOrTheHttpCodec() throws IOException {
        Path sources = Path.of("src/main/java/io/gatehouse/web");
        assertTrue(Files.isDirectory(sources), "run from the module directory: " + sources.toAbsolutePath());
        try (Stream<Path> files = Files.list(sources)) {
            List<String> offenders = files.filter(file -> {
                try {
                    String text = Files.readString(file);
                    return text.contains("io.gatehouse.server") || text.contains("io.gatehouse.http.");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
