package io.gatehouse.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spec depends on the JDK's base module only, so any server and any application can use it. */
class ModuleDescriptorTest {

    @Test
    void requiresNothingButJavaBase() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("io.gatehouse.spec", descriptor.name());
        Set<String> required = descriptor.requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
        assertEquals(Set.of("java.base"), required, "gatehouse-spec must depend on java.base only");
        Set<String> exported = descriptor.exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
        assertEquals(Set.of("io.gatehouse.spec"), exported);
    }
}
