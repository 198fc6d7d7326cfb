package io.gatehouse.staticfiles;

import io.gatehouse.testing.TestClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listing parsed as a browser would (jsoup), so escaping is checked by structure, not by substring. */
class DirectoryListingTest {

    private static final String SCRIPT = "<img src=x onerror=alert(1)>.txt";
    private static final String QUOTES = "a\"b'c&d.txt";
    private static final String UNICODE = "ünï cødé.txt";

    @TempDir
    Path root;

    private TestClient client;

    @BeforeEach
    void site() throws Exception {
        for (String name : List.of(SCRIPT, QUOTES, UNICODE, "Zeta.txt", "alpha.txt", "new\nline.txt")) {
            Files.writeString(root.resolve(name), "12345");
            Files.setLastModifiedTime(root.resolve(name), FileTime.from(Instant.parse("2026-03-04T05:06:07Z")));
        }
        Files.createDirectories(root.resolve("zdir"));
        Files.createDirectories(root.resolve("Adir/inner"));
        Files.createDirectories(root.resolve(".git"));
        client = TestClient.of(new FileApplication(root));
    }

    private Document page(String path) {
        var r = client.get(path).send();
        assertEquals(200, r.status());
        return Jsoup.parse(r.text());
    }

    @Test
    void rowsAreDirectoriesFirstThenNamesSorted() {
        List<String> names = page("/").select("tbody a").eachText();
        assertEquals(List.of("Adir/", "zdir/", SCRIPT, QUOTES, "alpha.txt", "Zeta.txt", UNICODE),
            names, "a name with a control character is neither listed nor served");
    }

    @Test
    void namesAreTextAndHrefsArePercentEncoded() {
        Document doc = page("/");
        assertTrue(doc.select("img").isEmpty(), "no element came from a file name");
        for (Element link : doc.select("tbody a")) {
            String href = link.attr("href");
            assertTrue(href.matches("[A-Za-z0-9%._~/-]+"), href);
            String decoded = URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
            assertEquals(link.text(), decoded);
        }
        assertEquals("%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt", doc.select("a:contains(alert)").attr("href"));
    }

    @Test
    void sizesAndTimesAreShown() {
        Element row = page("/").select("tbody tr:has(a[href=alpha.txt])").first();
        List<String> cells = row.select("td").eachText();
        assertEquals(List.of("alpha.txt", "5", "2026-03-04 05:06:07 UTC"), cells);
        Element dir = page("/").select("tbody tr:has(a[href=zdir/])").first();
        assertEquals("-", dir.select("td").get(1).text());
    }

    @Test
    void controlCharactersNeverReachThePage() {
        assertEquals("a\uFFFDb &lt;", DirectoryListing.escape("a\nb <"));
    }

    @Test
    void hiddenEntriesAreLeftOut() {
        assertFalse(page("/").select("a").eachText().contains(".git/"));
    }

    @Test
    void subdirectoriesLinkUpAndTheRootDoesNot() {
        assertTrue(page("/").select("a[href=../]").isEmpty());
        Document sub = page("/Adir/");
        assertEquals("../", sub.select("tbody a").first().attr("href"));
        assertEquals("Index of /Adir/", sub.title());
        assertEquals(List.of("../", "inner/"), sub.select("tbody a").eachText());
    }

    @Test
    void titleEscapesThePathAndIncludesTheMount() {
        Document doc = Jsoup.parse(client.get("/files/").scriptName("/files").send().text());
        assertEquals("Index of /files/", doc.title());
        assertEquals("Index of /files/", doc.select("h1").text());
    }
}
