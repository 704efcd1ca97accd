package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every page at desktop (1280 px) width in both themes and at phone (390 px) width: no sideways scroll, no console errors,
 * charts of a real size. Screenshots go to target/screenshots/pages-*.png for a person to look at.
 */
@QuarkusTest
class PagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    static final List<String> PAGES = List.of("/", "/notes", "/notes/attention/Attention", "/folders/rag", "/tags", "/problems",
            "/graph", "/search", "/search?q=attention", "/review", "/review/simulate", "/stats", "/drills", "DRILL", "/interviews",
            "/settings", "/calibration", "/questions", "/plan");

    private static String slug(String path) {
        String s = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "today" : s;
    }

    @Test
    void everyPageFitsAPhoneAndADesktopInBothThemesWithoutErrors() {
        List<String> problems = new ArrayList<>();
        String drill = null;
        // light and dark at desktop width, and the phone in dark: each page is checked at both widths and in both
        // themes (the themes change colours only, so the fourth combination would repeat the layout checks)
        for (String theme : List.of("light", "dark")) {
            for (int width : theme.equals("light") ? new int[] {1280} : new int[] {1280, 390}) {
                Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(width, 860);
                if (width < 500) {
                    options.setIsMobile(true).setHasTouch(true);
                }
                try (BrowserContext context = Browsers.chromium().newContext(options)) {
                    context.addInitScript("try { localStorage.setItem('drillbook-theme', '" + theme + "'); } catch (e) {}");
                    for (String path : PAGES) {
                        if (path.equals("DRILL")) {
                            if (drill == null) {
                                continue;
                            }
                            path = drill;
                        }
                        List<String> errors = Browsers.errors();
                        Page page = context.newPage();
                        page.onConsoleMessage(m -> {
                            if ("error".equals(m.type())) {
                                errors.add(m.text());
                            }
                        });
                        page.onPageError(errors::add);
                        page.navigate(base.toString().replaceAll("/$", "") + path);
                        // until the page's own requests are done (charts, graph JSON, KaTeX), not a fixed pause per page
                        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                        if (path.equals("/graph")) {
                            page.waitForTimeout(700); // the layout animates after the JSON arrives
                        }
                        if (drill == null && path.equals("/drills")) {
                            Object href = page.evaluate("() => { const a = document.querySelector('a[href^=\"/drills/\"]'); return a && a.getAttribute('href'); }");
                            drill = href == null ? null : href.toString();
                        }
                        assertEquals(theme, page.locator("html").getAttribute("data-theme"));
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fit = (Map<String, Object>) page.evaluate("() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, "
                                + "wide: Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && getComputedStyle(e).position !== 'fixed' && !e.closest('[hidden]')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(' ') })");
                        int sw = ((Number) fit.get("sw")).intValue();
                        int cw = ((Number) fit.get("cw")).intValue();
                        String where = path + " @" + width + " " + theme;
                        if (sw > cw + 1) {
                            problems.add(where + ": scrolls sideways (" + sw + " > " + cw + "): " + fit.get("wide"));
                        }
                        if (!errors.isEmpty()) {
                            problems.add(where + ": console errors " + errors);
                        }
                        if (path.equals("/stats")) {
                            @SuppressWarnings("unchecked")
                            List<Map<String, Object>> charts = (List<Map<String, Object>>) page.evaluate(
                                    "() => Array.from(document.querySelectorAll('main svg[role=img]')).map(s => { const r = s.getBoundingClientRect(); return { w: r.width, h: r.height, bars: Array.from(s.querySelectorAll('rect.bar')).map(b => b.getBoundingClientRect().height) }; })");
                            if (charts.size() < 2) {
                                problems.add(where + ": fewer than two charts: " + charts);
                            }
                            for (Map<String, Object> c : charts) {
                                if (((Number) c.get("w")).doubleValue() < 150 || ((Number) c.get("h")).doubleValue() < 36) {
                                    problems.add(where + ": a chart is too small: " + c);
                                }
                            }
                        }
                        Browsers.screenshot(page, "pages-" + slug(path) + "-" + width + "-" + theme);
                        page.close();
                    }
                }
            }
        }
        assertTrue(drill != null, "a drill page was found on /drills");
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
