package io.gatehouse.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The codec depends on the JDK's base module only, so the server and the proxy share it freely. */
class ModuleDescriptorTest {

    @Test
    void requiresNothingButJavaBase() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("io.gatehouse.http", descriptor.name());
        Set<String> required = descriptor.requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
        assertEquals(Set.of("java.base"), required);
    }
}
