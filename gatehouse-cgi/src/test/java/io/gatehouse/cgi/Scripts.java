package io.gatehouse.cgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes executable test scripts into a directory. */
final class Scripts {

    private Scripts() {
    }

    static Path write(Path directory, String name, String text) throws IOException {
        Path script = directory.resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
