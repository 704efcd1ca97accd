package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Browsers;
import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * XSS payloads in a note's body, title, aliases, tags and front matter, shown in headless Chromium on the note page,
 * the tag pages, search, and the problems page: none runs (no dialog, no marker set, no CSP report needed to stop
 * one), and none moves content out of the note (the end marker stays inside the note container, one {@code main}).
 */
@QuarkusTest
class XssBrowserTest {

    @TestHTTPResource("/")
    URL base;

    /** Each calls alert() or sets window.__xss; some only run if the sanitiser or the CSP fails. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>", "<script src=data:,alert(1)></script>", "<img src=x onerror=alert(1)>",
            "<img src=x onerror=\"window.__xss=1\">", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
            "<body onload=alert(1)>",
            "<a href=javascript:alert(1)>x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
            "![x](javascript:alert(1))", "![x](x \"onerror=alert(1)\")", "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>", "<select autofocus onfocus=alert(1)>", "<textarea autofocus onfocus=alert(1)>",
            "<video src=x onerror=alert(1)>", "<audio src=x onerror=alert(1)>", "<object data=javascript:alert(1)>",
            "<embed src=javascript:alert(1)>",
            "<form action=javascript:alert(1)><button>x</button></form>", "<button formaction=javascript:alert(1)>x</button>",
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">", "<base href=javascript:alert(1)//>",
            "<link rel=stylesheet href=javascript:alert(1)>", "<style>@import 'javascript:alert(1)';</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>", "<marquee onstart=alert(1)>x</marquee>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<template><img src=x onerror=alert(1)></template>",
            "\"><img src=x onerror=alert(1)>", "'><img src=x onerror=alert(1)>", "</textarea><img src=x onerror=alert(1)>",
            "</title><img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "<scr<script>ipt>alert(1)</script>",
            "<img src=\"x\" onerror=\"&#97;lert(1)\">", "<img src=x:alert(alt) onerror=eval(src) alt=0>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
            "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/>",
            "<isindex type=image src=1 onerror=alert(1)>", "<keygen autofocus onfocus=alert(1)>", "<body onpageshow=alert(1)>",
            "<div onmouseover=alert(1) style=\"position:fixed;top:0;left:0;width:100%;height:100%\">x</div>",
            "<p style=\"position:fixed;top:0;left:0;z-index:99999;margin-top:-3000px\">overlay</p>",
            "</div></div></article></main><div>ESCAPED-MARKER</div>", "</p></div></section><h1>fake</h1>",
            "[[<img src=x onerror=alert(1)>]]", "![[<svg onload=alert(1)>]]", "#<img src=x onerror=alert(1)>",
            "$<img src=x onerror=alert(1)>$", "$$\\href{javascript:alert(1)}{x}$$", "$\\htmlData{x=1}{x}$",
            "> [!note] <img src=x onerror=alert(1)>", "> [!<svg onload=alert(1)>] title", "`<script>alert(1)</script>`",
            "```html\n<script>alert(1)</script>\n```", "<!--><img src=x onerror=alert(1)>-->", "<![CDATA[<img src=x onerror=alert(1)>]]>",
            "%% <script>alert(1)</script> %%", "==<img src=x onerror=alert(1)>==", "~~<img src=x onerror=alert(1)>~~",
            "[^1]: <img src=x onerror=alert(1)>", "<a href=\"https://x\" target=_blank>tabnab</a>", "<img src=//evil.example/x onerror=alert(1)>");

    static final List<String> SWALLOWING = List.of("<iframe src=javascript:alert(1)>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\">", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>");

    @Test
    void noPayloadRunsOrEscapesTheNote() throws Exception {
        assertTrue(PAYLOADS.size() + SWALLOWING.size() >= 60, PAYLOADS.size() + " payloads");
        Path dir = VaultTestResource.vault().resolve("xss");
        Files.createDirectories(dir);
        StringBuilder body = new StringBuilder();
        for (String p : PAYLOADS) {
            body.append(p).append("\n\n");
        }
        // unclosed iframes and a math table that once dropped the rest of the note: the marker after them must show
        for (String p : SWALLOWING) {
            body.append(p).append("\n\n");
        }
        body.append("XSS-END-MARKER\n\n");
        String quoted = "\"<img src=x onerror=alert(1)><script>alert(1)</script>\"";
        Files.writeString(dir.resolve("Payloads.md"), "---\ntitle: " + quoted + "\naliases: [" + quoted + "]\ntags: [xss-test, "
                + "\"<svg onload=alert(1)>\"]\nnotes: " + quoted + "\nsource: \"javascript:alert(1)\"\n---\n" + body);
        Files.writeString(dir.resolve("<img src=x onerror=alert(1)>.md"), "# named\n[[Payloads]] [[<svg onload=alert(1)>]]\n");

        List<String> dialogs = new CopyOnWriteArrayList<>();
        List<String> errors = Browsers.errors();
        Page page = Browsers.page(errors);
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        Eventually.await(Duration.ofSeconds(15), () -> page.navigate(base + "notes/xss/Payloads").status(), s -> s == 200,
                "the payload note to load");
        List<String> urls = new ArrayList<>(List.of("notes/xss/Payloads", "tags/xss-test", "tags", "problems",
                "search?q=onerror", "folders/xss", "unresolved", "graph"));
        for (String url : urls) {
            page.navigate(base + url);
            page.waitForLoadState();
            page.waitForTimeout(300);
            Object hit = page.evaluate("() => window.__xss || parent.__xss || null");
            assertEquals(null, hit, url + ": a payload ran");
            assertEquals(1, page.locator("main").count(), url + ": one main");
            assertEquals(Boolean.FALSE, page.evaluate("() => [...document.querySelectorAll('body *')].some(e => "
                    + "e.children.length === 0 && e.textContent.includes('ESCAPED-MARKER') && !e.closest('main'))"),
                    url + ": content escaped main");
        }
        page.navigate(base + "notes/xss/Payloads");
        assertEquals(Boolean.TRUE, page.evaluate("() => document.querySelector('.note-page .markdown-rendered').textContent"
                + ".includes('XSS-END-MARKER') && document.querySelector('.note-page .markdown-rendered').textContent"
                + ".includes('ESCAPED-MARKER')"), "the end of the note is still inside the note");
        assertEquals(0, (int) page.locator(".markdown-rendered [style*='fixed']").count(), "no fixed positioning from a note");
        assertEquals(List.of(), dialogs, "dialogs");
        page.close();
        System.out.printf("XssBrowserTest: %d payloads in the body, 6 in front matter and names, %d pages, 0 executed%n",
                PAYLOADS.size() + SWALLOWING.size(), urls.size());
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
}
