package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The study site in a real (headless) Chromium: KaTeX typesets, callouts fold, Ctrl-K jumps. */
@QuarkusTest
class NoteBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void katexTypesetsInlineAndDisplayMathWithoutConsoleErrors() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "notes/attention/Attention");
        page.waitForSelector(".math-inline .katex");
        int inline = page.locator(".math-inline .katex").count();
        int display = page.locator(".math-block .katex-display").count();
        assertTrue(inline >= 3, "inline formulas typeset: " + inline);
        assertTrue(display >= 1, "display formulas typeset: " + display);
        assertEquals(0, page.locator(".math .katex-error").count(), "no KaTeX errors");
        assertTrue(page.locator("pre code.hljs").count() >= 1, "code highlighted");
        Path shot = Browsers.screenshot(page, "note-math");
        assertTrue(Files.exists(shot));
        assertEquals(List.of(), errors, "console errors");
        page.close();
    }

    @Test
    void foldedCalloutOpensOnClick() {
        Page page = Browsers.page(Browsers.errors());
        page.navigate(base + "notes/attention/Attention");
        var callout = page.locator(".callout[data-callout='faq']");
        assertTrue(callout.getAttribute("class").contains("is-collapsed"));
        assertTrue(!page.locator(".callout[data-callout='faq'] .callout-content").isVisible());
        callout.locator(".callout-title").click();
        assertTrue(!callout.getAttribute("class").contains("is-collapsed"));
        assertTrue(page.locator(".callout[data-callout='faq'] .callout-content").isVisible());
        page.close();
    }

    @Test
    void ctrlKJumpsToANoteByAlias() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base.toString());
        page.keyboard().press("Control+k");
        page.locator("#palette-input").fill("sdpa");
        page.waitForSelector("#palette-results li[aria-selected='true'] .hit-title:text('Attention')");
        page.keyboard().press("Enter");
        page.waitForURL("**/notes/attention/Attention");
        assertEquals("Attention", page.locator("h1.inline-title").textContent());
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    void darkThemeTogglesAndIsRemembered() {
        Page page = Browsers.page(Browsers.errors());
        page.navigate(base + "notes/rag/Overview");
        String before = page.locator("html").getAttribute("data-theme");
        page.locator("[data-action='toggle-theme']").click();
        String after = page.locator("html").getAttribute("data-theme");
        assertTrue(!before.equals(after), "theme changed");
        page.reload();
        assertEquals(after, page.locator("html").getAttribute("data-theme"), "theme remembered across pages");
        Browsers.screenshot(page, "note-" + after);
        page.close();
    }
}
