package dev.drillbook.web;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewing cards with the keyboard only, as an Anki user would, in headless Chromium. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    @Order(2)
    void reviewWithTheKeyboardThenUndo() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "review/study?deck=browser-deck");
        page.waitForSelector("#flashcard:not([hidden])");
        String firstFront = page.locator(".flashcard-front").textContent();
        assertTrue(firstFront.contains("attention scores"), firstFront);
        assertTrue(page.locator(".flashcard-back").isHidden());
        Browsers.screenshot(page, "review-question");

        page.keyboard().press("Space");
        page.waitForSelector(".flashcard-back:not([hidden])");
        assertTrue(page.locator(".rating-buttons").isVisible());
        assertTrue(page.locator(".flashcard-back .katex").count() > 0, "math typeset by KaTeX on the card");
        List<String> intervals = page.locator(".rating-interval").allTextContents();
        assertEquals(List.of("1m", "6m", "10m"), intervals.subList(0, 3), "a new card's learning steps: " + intervals);
        int easy = Integer.parseInt(intervals.get(3).replace("d", ""));
        assertTrue(easy >= 6 && easy <= 10, "Easy: 8 days, fuzzed within [6, 10]: " + intervals);
        Browsers.screenshot(page, "review-answer");
        page.keyboard().press("t");
        assertEquals("dark", page.evaluate("document.documentElement.getAttribute('data-theme')"));
        Browsers.screenshot(page, "review-answer-dark");
        page.keyboard().press("t");

        page.keyboard().press("3");
        page.waitForFunction("() => !document.querySelector('.flashcard-front').textContent.includes('attention scores')");
        assertTrue(page.locator(".flashcard-front").textContent().contains("KV cache"));
        String id = given().get("/api/cards?deck=browser-deck").then().extract().jsonPath()
                .getString("find { it.front.contains('attention scores') }.id");
        assertEquals(1, given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps"), "the answer was saved");

        page.keyboard().press("u");
        page.waitForFunction("() => document.querySelector('.flashcard-front').textContent.includes('attention scores')");
        assertEquals(0, given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps"), "undo restored the card");

        page.keyboard().press("Enter");
        page.keyboard().press("4");
        page.waitForFunction("() => document.querySelector('.flashcard-front').textContent.includes('KV cache')");
        page.keyboard().press("Space");
        page.keyboard().press("4");
        page.waitForSelector("#study-empty:not([hidden])");
        assertTrue(page.locator("#study-empty").textContent().contains("next card is due"));
        Browsers.screenshot(page, "review-done");
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    @Order(1) // it leaves the deck untouched; the keyboard test answers every card in it
    void aTypedAnswerIsGradedAndItsRatingSuggested() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "review/study?deck=browser-deck");
        page.waitForSelector("#flashcard:not([hidden])");
        page.keyboard().press("a");
        page.waitForSelector("#typed-answer:not([hidden])");
        page.locator("#typed").fill("Dot products grow with the dimension, so dividing by the square root keeps softmax from saturating.");
        page.keyboard().press("Control+Enter");
        page.waitForSelector(".flashcard-back:not([hidden])");
        page.waitForFunction("() => document.querySelector('[data-grade=score]').textContent.includes('/ 5')");
        String verdict = page.locator("[data-grade=score]").textContent();
        assertTrue(verdict.matches(".*suggests (Again|Hard|Good|Easy).*"), verdict);
        assertTrue(page.locator("[data-grade=grader]").textContent().contains("Offline estimate"));
        assertEquals(1, page.locator(".rating.is-suggested").count(), "one rating is suggested; the user still chooses");
        Browsers.screenshot(page, "review-typed-answer");
        String id = given().get("/api/cards?deck=browser-deck").then().extract().jsonPath()
                .getString("find { it.front.contains('attention scores') }.id");
        assertEquals(0, given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps"), "grading does not answer the card");
        page.keyboard().press("a");
        assertEquals(List.of(), errors);
        page.close();

        // "a" lasts for that session only: the next session starts without the answer box (Settings sets a default).
        com.microsoft.playwright.BrowserContext profile = Browsers.chromium().newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1360, 900));
        Page next = profile.newPage();
        next.onPageError(errors::add);
        next.navigate(base + "review/study?deck=browser-deck");
        next.waitForSelector("#flashcard:not([hidden])");
        next.keyboard().press("a");
        next.waitForSelector("#typed-answer:not([hidden])");
        Page later = profile.newPage();  // same browser profile: what "a" stored would be seen here
        later.onPageError(errors::add);
        later.navigate(base + "review/study?deck=browser-deck");
        later.waitForSelector("#flashcard:not([hidden])");
        assertTrue(later.locator("#typed-answer").isHidden(), "typing is not sticky across sessions");
        // Esc leaves the answer box; then Space shows the answer instead of typing a space
        later.keyboard().press("a");
        later.waitForSelector("#typed-answer:not([hidden])");
        later.keyboard().press("Escape");
        later.keyboard().press(" ");
        later.waitForSelector(".flashcard-back:not([hidden])");
        assertEquals("", later.locator("#typed").inputValue(), "no space typed into the box");
        assertEquals(List.of(), errors);
        profile.close();
    }

    @Test
    void decksAndStatisticsPagesRender() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "review");
        assertTrue(page.locator(".deck-table").textContent().contains("browser-deck"));
        Browsers.screenshot(page, "review-decks");
        page.navigate(base + "stats");
        page.waitForSelector("svg.heatmap rect");
        assertEquals(365, page.locator("svg.heatmap rect").count());
        Browsers.screenshot(page, "stats");
        page.keyboard().press("t");
        Browsers.screenshot(page, "stats-dark");
        page.keyboard().press("t");
        page.navigate(base + "questions/browser.md#L5");
        assertTrue(page.locator("#L5").textContent().contains("attention scores"));
        Browsers.screenshot(page, "question-source");
        page.navigate(base + "notes/attention/Attention");
        assertTrue(page.locator(".study-box").textContent().contains("cards"), "the note shows its cards and mastery");
        page.locator(".study-box a").click();
        page.waitForSelector("#flashcard:not([hidden]), #study-empty:not([hidden])");
        assertEquals(List.of(), errors);
        page.close();
    }
}
