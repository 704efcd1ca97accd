package dev.drillbook.web;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed in through the form, the pages' own requests (autosave, preview) pass the CSRF check. */
@QuarkusTest
@TestProfile(AccessTest.WithPassword.class)
class AccessBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void signInThenTheDrillScreenSavesDrafts() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "drills/cache-drill");
        page.waitForURL("**/login?next=*");
        page.locator("#password").fill(AccessTest.PASSWORD);
        page.locator("form.login-form button[type=submit]").click();
        page.waitForURL("**/drills/cache-drill");
        page.waitForSelector("#answer:not([disabled])");
        page.locator("#answer").fill("## Requirements\nA semantic cache with a tuned threshold.");
        page.waitForFunction("() => document.getElementById('save-state').textContent.startsWith('Saved')");
        page.locator("[data-tab=preview]").click();
        page.waitForSelector("#preview h2");
        assertTrue(page.locator("#preview h2").textContent().contains("Requirements"));
        assertEquals(List.of(), errors);
        page.close();
    }
}
