package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

/** Search URL, the graph's path finder, Esc out of text boxes, one-key hints and the Today page, in Chromium. */
@QuarkusTest
class SiteUxBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void searchKeepsARealUrlThatReloads() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "search");
        page.locator(".search-form input[name=q]").fill("attention");
        page.waitForURL("**/search?q=attention");
        assertFalse(page.url().contains("fragments"), page.url());
        page.waitForSelector("#search-results a[href^='/notes/']");
        page.reload();
        assertTrue(page.locator("#search-results a[href^='/notes/']").count() > 0, "results after reload");
        assertTrue(page.locator("link[href='/assets/app.css']").count() == 1, "a styled page, not a fragment");
        // Esc leaves the search box, and single-key shortcuts work again
        page.locator(".search-form input[name=q]").focus();
        page.keyboard().press("Escape");
        assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"));
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    void pathFinderDrawsAndListsTheChain() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "graph");
        page.waitForSelector("#graph[data-drawn='true']");
        page.locator("#graph-path input[name=from]").fill("Retrieval Basics");
        page.locator("#graph-path input[name=to]").fill("Attention");
        page.locator("#graph-path button[type=submit]").click();
        page.waitForFunction("() => { const t = document.getElementById('graph-path-result').textContent; return t && t !== 'Looking…'; }");
        assertTrue(page.locator("#graph-path-result .path-list li").count() >= 2, page.locator("#graph-path-result").textContent());
        List<String> titles = page.locator("#graph-path-result .path-list li a").allTextContents();
        assertEquals("Retrieval Basics", titles.get(0));
        assertEquals("Attention", titles.get(titles.size() - 1));
        assertTrue(((Number) page.evaluate("() => window.drillbookGraph.nodes('.on-path').length")).intValue() >= 2, "drawn on the graph");
        Browsers.screenshot(page, "graph-path");
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    void sKeyOnReviewStudiesAllDecksAndTodayLinksToIt() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "review");
        page.keyboard().press("s");
        page.waitForURL("**/review/study");
        page.navigate(base.toString());
        assertEquals("Today", page.locator("h1").first().textContent());
        assertTrue(page.locator(".today-card").count() >= 5);
        page.locator("a:text('notes')").first().click();
        page.waitForURL("**/notes");
        assertTrue(page.locator("text=Recently changed").isVisible());
        assertEquals(List.of(), errors);
        page.close();
    }
}
