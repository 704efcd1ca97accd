package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;
import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Open pages follow the files: the note, its backlinks and the problems page update in place, keeping the scroll. */
@QuarkusTest
class LivePagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL base;

    private static void awaitNote(String path) {
        Eventually.await(WAIT, () -> given().get("/api/notes/" + path).then().extract().statusCode(), s -> s == 200, path);
    }

    @Test
    void openNoteBacklinksAndRenameUpdateInPlace() throws IOException {
        Path dir = Files.createDirectories(VaultTestResource.vault().resolve("livepage"));
        String filler = "\n\nA paragraph that makes the page long enough to scroll.".repeat(80);
        Path file = dir.resolve("Live Page.md");
        Files.writeString(file, "# Live Page\n\nFirst version of the text." + filler + "\n");
        awaitNote("livepage/Live Page.md");

        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "notes/livepage/Live%20Page");
        page.waitForSelector("text=First version of the text.");
        page.waitForTimeout(500);  // the event stream is open
        page.evaluate("() => { window.__notReloaded = true; window.scrollTo(0, 600); }");

        Files.writeString(file, "# Live Page\n\nSecond version, with $x^2$ math." + filler + "\n");
        page.waitForSelector("text=Second version", new Page.WaitForSelectorOptions().setTimeout(WAIT.toMillis()));
        assertEquals(true, page.evaluate("() => window.__notReloaded === true"), "updated in place, not reloaded");
        assertEquals(600, ((Number) page.evaluate("() => Math.round(window.scrollY)")).intValue(), "scroll position kept");
        page.waitForSelector(".markdown-preview-view .math .katex");  // the new math is typeset

        Files.writeString(dir.resolve("Linker.md"), "# Linker\n\nSee [[Live Page]] for the details.\n");
        page.waitForSelector(".backlinks >> text=Linker", new Page.WaitForSelectorOptions().setTimeout(WAIT.toMillis()));

        Files.move(file, dir.resolve("Renamed Page.md"));
        page.waitForSelector("#live-gone", new Page.WaitForSelectorOptions().setTimeout(WAIT.toMillis()));
        assertTrue(page.locator("#live-gone").isVisible());
        Browsers.screenshot(page, "live-renamed");
        assertEquals(List.of(), errors, "console errors");
        page.close();
    }

    @Test
    void problemsPageShowsANewBrokenLinkWithoutReload() throws IOException {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "problems");
        page.waitForTimeout(500);
        Path dir = Files.createDirectories(VaultTestResource.vault().resolve("liveproblems"));
        Files.writeString(dir.resolve("Broken Live.md"), "# Broken Live\n\nPoints to [[Nowhere Live Target]].\n");
        page.waitForSelector("text=liveproblems/Broken Live.md", new Page.WaitForSelectorOptions().setTimeout(WAIT.toMillis()));
        assertEquals(List.of(), errors, "console errors");
        page.close();
    }
}
