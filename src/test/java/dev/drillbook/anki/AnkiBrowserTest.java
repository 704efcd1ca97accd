package dev.drillbook.anki;

import dev.drillbook.support.Browsers;
import dev.drillbook.support.VaultTestResource;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Anki page in headless Chromium: pick a package, import it, read the report. */
@QuarkusTest
class AnkiBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void importsAPackageChosenWithTheFilePickerAndShowsTheReport() throws Exception {
        ApkgFixture f = new ApkgFixture(ApkgFixture.Format.ANKI21, Instant.now().getEpochSecond() - 86_400);
        long deck = f.deck("Browser::Deck");
        f.newCard(f.note(f.basic(), "b1", "x::y", "<i>front</i> &lt;script&gt;alert(1)&lt;/script&gt;", "back"), deck, 0);
        f.media("unused.png", new byte[] {1});
        Path apkg = f.write(Files.createTempDirectory("browser"), "browser.apkg");
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        try {
            page.navigate(base + "anki");
            page.setInputFiles("#anki-file", apkg);
            page.click("#anki-import-form button[type=submit]");
            page.waitForSelector("#anki-import-report:not([hidden])");
            assertTrue(page.locator("#anki-import-status").textContent().contains("questions/anki/browser-deck.md"));
            assertTrue(page.locator(".anki-report-counts").textContent().contains("Notes1"), page.locator(".anki-report-counts").textContent());
            assertTrue(page.locator(".anki-report-lost").textContent().contains("unused.png"));
            assertEquals(0, page.locator("#anki-import-report script").count());

            page.setInputFiles("#anki-file", Files.write(apkg.resolveSibling("junk.apkg"), new byte[] {1, 2, 3}));
            page.click("#anki-import-form button[type=submit]");
            page.waitForSelector("#anki-import-status:has-text('Not imported')");
            assertTrue(page.locator("#anki-import-status").textContent().contains("not an Anki package"));
            Browsers.screenshot(page, "anki-import");
            assertEquals(List.of(), errors.stream().filter(e -> !e.contains("400")).toList());
        } finally {
            page.close();
            Path dir = VaultTestResource.questions().resolve("anki");
            if (Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
