package dev.drillbook.web;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short mock interview end to end in headless Chromium: build, answer, reload mid-way, finish, read the report. */
@QuarkusTest
class InterviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aShortSessionEndToEnd() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "interviews");
        assertTrue(page.locator(".format-card h3").first().textContent().contains("45-minute applied-LLM engineer"));
        page.locator(".custom-builder summary").click();
        page.locator("input[name=behavioral]").fill("0");
        page.locator("input[name=drill]").fill("0");
        page.locator("input[name=concept]").fill("2");
        page.locator("input[name=tags]").fill("attention, rag"); // not the deck the review browser test studies
        page.locator("#custom-form button[type=submit]").click();
        page.waitForURL("**/interviews/*");
        page.waitForSelector("#interview-item:not([hidden])");
        assertEquals("Question 1 of 2", page.locator("#item-position").textContent());
        page.locator("#item-answer").fill("Queries, keys and values; the scores are scaled by the square root of the key dimension.");
        page.waitForFunction("() => document.getElementById('item-save').textContent.startsWith('Saved')");
        Browsers.screenshot(page, "interview-item");

        page.reload();
        page.waitForSelector("#interview-item:not([hidden])");
        assertTrue(page.locator("#item-answer").inputValue().contains("square root"), "leaving and coming back loses nothing");
        page.locator("#item-answer").press("Control+Enter");
        page.waitForFunction("() => document.getElementById('item-position').textContent === 'Question 2 of 2'");
        assertEquals("", page.locator("#item-answer").inputValue());
        page.locator("#item-answer").fill("It stores keys and values of earlier tokens.");
        page.locator("#item-answer").press("Control+Enter");
        page.waitForSelector("#interview-done:not([hidden])");
        page.locator("#session-finish-2").click();
        page.waitForURL("**/report");
        page.waitForSelector(".score-number:not(:has(.spinner))");
        assertEquals(2, page.locator(".report-table tbody tr").count());
        assertTrue(page.locator(".report-table").textContent().contains("Offline estimate"), "the grader is labelled");
        assertTrue(page.locator("a[download]").getAttribute("href").endsWith("/report.md"));
        Browsers.screenshot(page, "interview-report");
        page.navigate(base + "interviews");
        assertTrue(page.locator(".history-table tbody tr").count() >= 1);
        assertEquals(List.of(), errors);
        page.close();
    }
}
