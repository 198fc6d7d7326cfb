package io.gatehouse.staticfiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DocumentRoot directly: the link check walks the segments below the root and resolves the real
 * path only when it meets a link or a dot segment, with the same answers as resolving it always.
 */
class DocumentRootTest {

    @TempDir
    Path tmp;

    private Path site;
    private DocumentRoot root;

    @BeforeEach
    void site() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.createDirectories(site.resolve("sub"));
        Files.writeString(site.resolve("sub/a.txt"), "a");
        Files.writeString(site.resolve("hello.txt"), "hello");
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.createSymbolicLink(site.resolve("alias"), site.resolve("sub"));
        Files.createSymbolicLink(site.resolve("outside"), tmp);
        Files.createSymbolicLink(site.resolve("dangling.txt"), tmp.resolve("gone.txt"));
        root = new DocumentRoot(site, false, false);
    }

    @Test
    void plainFileBelowTheRootIsFound() {
        assertEquals(Optional.of(site.resolve("sub/a.txt")), root.resolve("/sub/a.txt"));
    }

    @Test
    void missingFileIsNotFoundWhateverTheLinkRule() {
        assertEquals(Optional.empty(), root.resolve("/sub/missing.txt"));
        assertEquals(Optional.empty(), new DocumentRoot(site, false, true).resolve("/sub/missing.txt"));
    }

    @Test
    void linkToADirectoryInsideIsFollowed() {
        assertEquals(Optional.of(site.resolve("alias/a.txt")), root.resolve("/alias/a.txt"));
    }

    @Test
    void linkOutOfTheRootAndDanglingLinkAreRefused() {
        assertEquals(Optional.empty(), root.resolve("/outside/secret.txt"));
        assertEquals(Optional.empty(), root.resolve("/dangling.txt"));
        assertEquals(Optional.of(site.resolve("outside/secret.txt")),
            new DocumentRoot(site, false, true).resolve("/outside/secret.txt"));
    }

    @Test
    void rootReachedThroughALinkServesItsFiles() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("www"), site);
        DocumentRoot linked = new DocumentRoot(link, false, false);
        assertEquals(Optional.of(link.resolve("hello.txt")), linked.resolve("/hello.txt"));
        assertEquals(Optional.empty(), linked.resolve("/outside/secret.txt"));
    }

    @Test
    void dotDotPathIsNeverListableOutsideTheRoot() {
        // resolve() refuses dot segments before this; listable() takes paths it is given as they are.
        assertFalse(root.listable(site.resolve("sub/../../secret.txt")));
        assertTrue(root.listable(site.resolve("sub/../hello.txt")));
    }

    @Test
    void rootWhoseNameHidesALinkServesOnlyFromItsRealDirectory() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other/deep"));
        Files.createSymbolicLink(site.resolve("jump"), other);
        // "site/jump/.." is really tmp/other, though it normalizes to "site".
        DocumentRoot tricky = new DocumentRoot(site.resolve("jump/.."), false, false);
        assertEquals(Optional.empty(), tricky.resolve("/hello.txt"));
    }
}
