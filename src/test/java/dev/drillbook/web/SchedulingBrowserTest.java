package dev.drillbook.web;

import dev.drillbook.support.Browsers;
import dev.drillbook.support.VaultTestResource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Settings page's Scheduling section, the simulator, the interview plan and the calibration chart in headless
 * Chromium, at 1280 px and at 390 px in dark mode (screenshots under target/screenshots/).
 */
@QuarkusTest
@QuarkusTestResource(VaultTestResource.class)
@TestProfile(SchedulingApiTest.Utc.class)
class SchedulingBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private static Page phoneDark(List<String> errors) {
        Page page = Browsers.chromium().newPage(new Browser.NewPageOptions().setViewportSize(390, 844).setColorScheme(ColorScheme.DARK));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
        page.onPageError(errors::add);
        return page;
    }

    private static void noHorizontalScroll(Page page) {
        Object wide = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(((Number) wide).intValue() <= 1, "the page scrolls sideways at 390 px by " + wide + " px");
    }

    @Test
    void settingsSaveAndOptimiseWithProgress() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.setViewportSize(1280, 900);
        page.navigate(base + "settings");
        assertEquals("Scheduling", page.locator("#scheduling-title").textContent());
        page.fill("#desired-retention", "0.88");
        page.click("[data-settings-form] button[type=submit]");
        page.waitForSelector("[data-settings-form] .form-status:text('Saved.')");
        try {
            assertEquals(0.88, given().get("/api/settings/scheduling").then().extract().jsonPath().getDouble("desiredRetention"), 1e-6);
            page.fill("#desired-retention", "1.5");
            page.evaluate("() => document.querySelector('#desired-retention').removeAttribute('max')");
            page.click("[data-settings-form] button[type=submit]");
            page.waitForSelector("[data-settings-form] .form-error");
            assertTrue(page.locator("[data-settings-form] .form-status").textContent().contains("between 0.7 and 0.99"));
            errors.clear(); // the refused request is logged by the browser as a 400
        } finally {
            given().contentType(ContentType.JSON).body("{\"desiredRetention\": null}").put("/api/settings/scheduling").then().statusCode(200);
        }

        page.selectOption("#optimize-scope", "browser-deck"); // a deck with a short history whatever other tests did
        page.click("[data-optimize]");
        page.waitForSelector(".optimize-result table");
        assertTrue(page.locator(".optimize-result").textContent().contains("needs 512"), page.locator(".optimize-result").textContent());
        assertTrue(page.locator(".optimize-progress").isHidden(), "the progress bar goes once the job is done");
        page.click("[data-evaluate]");
        page.waitForSelector(".optimize-result :text('answers scored')");
        Browsers.screenshot(page, "settings-1280");

        Page phone = phoneDark(errors);
        phone.navigate(base + "settings");
        assertEquals("dark", phone.evaluate("document.documentElement.getAttribute('data-theme')"));
        noHorizontalScroll(phone);
        Browsers.screenshot(phone, "settings-390-dark");
        phone.close();
        page.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void interviewFormLeadsToTheCountdownPlan() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.setViewportSize(1280, 900);
        LocalDate day = Instant.now().minus(Duration.ofHours(4)).atZone(ZoneOffset.UTC).toLocalDate().plusDays(12);
        try {
            page.navigate(base + "settings#interview");
            page.fill("#interview-date", day.toString());
            page.fill("#interview-topics", "rag, attention");
            page.click("[data-interview-form] button[type=submit]");
            page.waitForURL("**/plan");
            assertTrue(page.locator("h1").textContent().contains("12 days to your interview"), page.locator("h1").textContent());
            assertEquals(12, page.locator(".plan-day").count());
            assertTrue(page.locator(".plan-task a:text('Mock interview')").count() >= 1);
            Browsers.screenshot(page, "plan-1280");
            Page phone = phoneDark(errors);
            phone.navigate(base + "plan");
            noHorizontalScroll(phone);
            Browsers.screenshot(phone, "plan-390-dark");
            phone.close();
        } finally {
            given().contentType(ContentType.JSON).body("{\"interview\": null}").put("/api/settings/scheduling").then().statusCode(200);
        }
        page.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void simulatorAndCalibrationCharts() {
        // a little cross-day history, so the calibration chart has points
        List<String> ids = given().get("/api/cards?deck=browser-deck").then().extract().jsonPath().getList("id");
        Instant now = Instant.now();
        for (String id : ids) {
            if (given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps") > 0) {
                continue;
            }
            int[] daysAgo = {30, 29, 20, 9, 1};
            for (int i = 0; i < daysAgo.length; i++) {
                String rating = i == 3 && id.hashCode() % 2 == 0 ? "again" : "good";
                given().contentType(ContentType.JSON).body("{\"rating\": \"" + rating + "\", \"reviewedAt\": \"" + now.minus(Duration.ofDays(daysAgo[i]))
                        + "\"}").post("/api/cards/" + id + "/reviews").then().statusCode(200);
            }
        }
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.setViewportSize(1280, 900);
        page.navigate(base + "review/simulate?days=180");
        assertEquals(10, page.locator(".sim-chart rect.sim-bar").count());
        assertEquals(1, page.locator(".sim-chart .sim-bar-optimal").count(), "the optimum is marked");
        assertEquals(1, page.locator(".sim-table .row-optimal").count());
        Browsers.screenshot(page, "simulate-1280");
        page.navigate(base + "stats");
        assertTrue(page.locator(".calibration-point").count() >= 1);
        Browsers.screenshot(page, "stats-1280");
        page.locator(".calibration-card").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "stats-calibration-1280.png")));
        Page phone = phoneDark(errors);
        phone.navigate(base + "review/simulate?days=180");
        noHorizontalScroll(phone);
        Browsers.screenshot(phone, "simulate-390-dark");
        phone.navigate(base + "stats");
        noHorizontalScroll(phone);
        phone.locator(".calibration-card").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "stats-calibration-390-dark.png")));
        phone.close();
        page.close();
        assertEquals(List.of(), errors);
    }
}
