package dev.drillbook.web;

import dev.drillbook.support.Browsers;
import dev.drillbook.support.FakeOpenAi;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drill flow in headless Chromium against the fake judge: write, autosave, reload, preview, submit, verdict. */
@QuarkusTest
@TestProfile(JudgeTest.WithJudge.class)
class DrillBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void writeAutosaveReloadSubmitAndReadTheVerdict() {
        FakeOpenAi.reset();
        FakeOpenAi.fallback(r -> JudgeTest.verdict(2, "cosine similarity is above a tuned threshold"));
        given().delete("/api/drills/cache-drill/draft").then().statusCode(204);
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "drills/cache-drill");
        page.waitForSelector("#answer:not([disabled])");
        assertEquals("30:00", page.locator("#clock").textContent().strip(), "the clock waits for the first keystroke");
        page.locator("#answer").fill(JudgeTest.ANSWER + "\nCost model: $c = h \\cdot p$.\n");
        page.waitForFunction("() => document.getElementById('save-state').textContent.startsWith('Saved')");
        assertTrue(given().get("/api/drills/cache-drill/draft").then().statusCode(200).extract().jsonPath().getString("answer")
                .contains("cosine similarity"), "autosaved to the server");

        page.reload();
        page.waitForSelector("#answer:not([disabled])");
        assertTrue(page.locator("#answer").inputValue().contains("Cost model"), "a reload loses nothing");
        page.waitForFunction("() => document.getElementById('clock').textContent.trim() !== '30:00'");
        assertTrue(page.locator("#phases li.current").count() == 1, "the current phase is highlighted");

        page.locator("[data-tab=split]").click();
        page.waitForSelector("#preview .katex");
        assertTrue(page.locator("#preview h2").first().textContent().contains("Requirements"));
        Browsers.screenshot(page, "drill-writing");

        page.locator("#answer").focus();
        page.keyboard().press("Control+Enter");
        page.waitForURL("**/attempts/*");
        page.waitForSelector(".score-card");
        assertEquals("67/100", page.locator(".score-number").textContent().strip());
        assertTrue(page.locator(".score-band").textContent().contains("Solid"));
        assertTrue(page.locator("mark.evidence").count() >= 1, "evidence highlighted in the answer");
        assertEquals(8, page.locator(".dimension").count(), "the eight dimensions of the default LLM-design rubric");
        assertFalse(page.content().contains("<script>alert(1)</script>"), "judge text is escaped");
        assertTrue(page.locator(".dimension .critique").first().textContent().contains("<script>alert(1)</script>"),
                "and shown as text");
        assertTrue(page.locator("text=Reference outline").count() >= 1);
        Browsers.screenshot(page, "drill-verdict");
        page.keyboard().press("t");
        Browsers.screenshot(page, "drill-verdict-dark");
        page.keyboard().press("t");
        assertEquals(List.of(), errors);
        page.close();
    }
}
