package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

/** The graph page, the local graph and link previews in a real browser. */
@QuarkusTest
class GraphBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void graphPageDrawsNodesAndClickingOneOpensTheNote() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "graph");
        page.waitForSelector("#graph[data-drawn='true']");
        int nodes = ((Number) page.evaluate("window.drillbookGraph.nodes().length")).intValue();
        assertTrue(nodes >= 8, "nodes drawn: " + nodes);
        Browsers.screenshot(page, "graph");
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) page.evaluate(
                "(() => { const n = window.drillbookGraph.getElementById('rag/Retrieval Basics.md'); const p = n.renderedPosition(); return {x: p.x, y: p.y}; })()");
        BoundingBox box = page.locator("#graph").boundingBox();
        page.mouse().click(box.x + ((Number) at.get("x")).doubleValue(), box.y + ((Number) at.get("y")).doubleValue());
        page.waitForURL("**/notes/rag/Retrieval%20Basics");
        assertEquals("Retrieval Basics", page.locator("h1.inline-title").textContent());
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    void notePageHasALocalGraph() {
        Page page = Browsers.page(Browsers.errors());
        page.navigate(base + "notes/rag/Overview");
        page.waitForSelector("#local-graph[data-drawn='true']");
        page.close();
    }

    @Test
    void hoveringAnInternalLinkShowsAPreview() {
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.navigate(base + "notes/index");
        page.locator(".markdown-rendered a.internal-link", new Page.LocatorOptions().setHasText("RAG overview")).first().hover();
        page.waitForSelector(".preview-popover:not([hidden])");
        assertTrue(page.locator(".preview-popover").textContent().contains("RAG grounds a model"));
        Browsers.screenshot(page, "preview");
        assertEquals(List.of(), errors);
        page.close();
    }

    @Test
    void jumpBoxShowsPassagesFromTheText() {
        Page page = Browsers.page(Browsers.errors());
        page.navigate(base.toString());
        page.keyboard().press("Control+k");
        page.locator("#palette-input").fill("cosine");
        page.waitForSelector("#palette-results .hit-snippet mark");
        page.keyboard().press("Enter");
        page.waitForURL("**/notes/rag/Retrieval%20Basics**");
        page.close();
    }
}
