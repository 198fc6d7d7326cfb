package io.gatehouse.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server depends on the JDK, the spec and the codec, and nothing else. */
class ModuleDescriptorTest {

    @Test
    void requiresOnlyJavaBaseSpecAndHttp() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("io.gatehouse.server", descriptor.name());
        Set<String> required = descriptor.requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
        assertEquals(Set.of("java.base", "io.gatehouse.spec", "io.gatehouse.http"), required);
    }
}
