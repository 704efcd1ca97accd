package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.sequence.Escaping;

import dev.drillbook.markdown.html.HtmlSanitizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A corpus of hostile HTML and Markdown ({@code markdown/hostile-html.txt}) through the real rendering path: nothing
 * can run script, load a foreign frame, leave the note's container or position itself over the page.
 */
class HtmlSanitizerTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*\"([^\"]*)\")?");
    private static final Set<String> FORBIDDEN = Set.of("script", "style", "object", "embed", "form", "svg", "math",
            "link", "meta", "base", "textarea", "template", "noscript", "xmp", "body", "button", "frame", "frameset",
            "drillbook-slot");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "col", "wbr", "source", "track");
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "(?i)position|margin|z-index|transform|top|left|right|bottom|expression|url|behavior|display|float|inset");

    static List<String> payloads() throws IOException {
        try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("/markdown/hostile-html.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.substring(text.indexOf('\n') + 1);
            return Arrays.stream(text.split("\n@@@\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"<iframe src=javascript:alert(1)>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\">", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<textarea>", "<title>", "<noscript>"})
    void anUnclosedRawTextElementNeverSwallowsTheRestOfTheNote(String payload) {
        String html = MARKDOWN.renderNote("Before.\n\n" + payload + "\n\nThe words after it.\n\n## Still a heading\n",
                "test/Note.md", MarkdownSpecTest.VAULT).withoutEmbeds();
        assertTrue(html.contains("The words after it.") && html.contains("Still a heading</h2>"), html);
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).matches("(?s).*<(iframe|script|style|textarea|title|noscript)[\\s>].*"), html);
        assertFalse(html.contains("onerror") && html.contains("<img"), html);
    }

    @Test
    void aClosedIframeFromAnAllowedPlayerIsKept() {
        String html = MARKDOWN.renderNote("<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\n\nAfter.\n",
                "test/Note.md", MarkdownSpecTest.VAULT).withoutEmbeds();
        assertTrue(html.contains("<iframe") && html.contains("After."), html);
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(payloads().size() >= 60, "payloads: " + payloads().size());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void neverRunsScriptNorEscapesTheNote(String payload) {
        String html = MARKDOWN.renderNote(payload, "test/Note.md", MarkdownSpecTest.VAULT).withoutEmbeds();
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            assertFalse(FORBIDDEN.contains(name), "<" + name + "> in " + html);
            if (!tag.group(1).isEmpty()) {
                assertFalse(open.isEmpty(), "</" + name + "> closes beyond the note: " + html);
                assertEquals(open.pop(), name, "unbalanced: " + html);
                continue;
            }
            checkAttributes(name, tag.group(3), html);
            if (!VOID.contains(name) && !tag.group(3).endsWith("/")) {
                open.push(name);
            }
        }
        assertTrue(open.isEmpty(), "left open " + open + ": " + html);
        String text = Escaping.unescapeHtml(html.replaceAll("<[^>]*>", ""));
        assertFalse(text.contains("<script") && html.contains("<script"), html);
    }

    private static void checkAttributes(String element, String attributes, String html) {
        Matcher a = ATTRIBUTE.matcher(attributes);
        while (a.find()) {
            String name = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(2) == null ? "" : Escaping.unescapeHtml(a.group(2));
            String compact = value.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
            assertFalse(name.startsWith("on"), name + " on <" + element + ">: " + html);
            assertFalse(Set.of("srcdoc", "srcset", "background", "formaction", "action").contains(name), name + ": " + html);
            assertFalse(compact.startsWith("javascript:") || compact.startsWith("vbscript:")
                    || compact.startsWith("data:text"), name + "=" + value + ": " + html);
            if (name.equals("style")) {
                assertFalse(UNSAFE_STYLE.matcher(value).find(), "style " + value + ": " + html);
            }
            if (element.equals("iframe") && name.equals("src")) {
                assertTrue(value.startsWith("https://www.youtube.com/embed/") || value.startsWith("https://player.vimeo.com/video/"), html);
            }
            if ((element.equals("video") || element.equals("audio")) && name.equals("src")) {
                assertFalse(compact.contains(":"), "media from outside the vault: " + html);
            }
        }
        if (element.equals("iframe")) {
            assertTrue(attributes.contains("sandbox=\""), "iframe without sandbox: " + html);
        }
        if (attributes.contains("target=\"_blank\"")) {
            assertTrue(attributes.contains("noopener"), "target without noopener: " + html);
        }
    }

    @Test
    void keepsTheHtmlPeopleWriteInNotes() {
        assertEquals("<span class=\"x\" style=\"color:red\">hi</span>",
                HtmlSanitizer.sanitize("<span class='x' style='color: red; position: fixed'>hi</span>"));
        assertEquals("<details open=\"open\"><summary>More</summary>text</details>",
                HtmlSanitizer.sanitize("<details open><summary>More</summary>text</details>"));
        assertEquals("<kbd>Ctrl</kbd>+<sub>2</sub>", HtmlSanitizer.sanitize("<kbd>Ctrl</kbd>+<sub>2</sub>").replace("&#43;", "+"));
        assertEquals("<img src=\"data:image/png;base64,AAAA\" alt=\"a\" />",
                HtmlSanitizer.sanitize("<img src=\"data:image/png;base64,AAAA\" alt=\"a\">"));
        assertEquals("<video src=\"/files/clip.mp4\" controls=\"controls\"></video>",
                HtmlSanitizer.sanitize("<video src=\"/files/clip.mp4\" controls></video>"));
        assertTrue(HtmlSanitizer.sanitize("<a href=\"https://example.com\" target=\"_blank\">x</a>")
                .contains("rel=\"noopener noreferrer\""));
    }

    @Test
    void embedsOnlyYouTubeAndVimeoPlayersSandboxed() {
        String youtube = HtmlSanitizer.sanitize("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" width=560></iframe>");
        assertTrue(youtube.startsWith("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" sandbox=\""), youtube);
        assertTrue(HtmlSanitizer.sanitize("<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>")
                .contains("sandbox="));
        assertEquals("", HtmlSanitizer.sanitize("<iframe src=\"https://example.com/embed/x\"></iframe>"));
    }

    @Test
    void escapesStrayAngleBracketsAndReQuotesAttributes() {
        assertEquals("a &lt; b &gt; c", HtmlSanitizer.sanitize("a < b > c"));
        assertEquals("<span title=\"&#34;&gt;&lt;x\">t</span>", HtmlSanitizer.sanitize("<span title='\"><x'>t</span>"));
    }

    @Test
    void anEmbedSlotCannotBeForged() {
        String html = HtmlSanitizer.sanitize("<p>a\u0000b<drillbook-slot></drillbook-slot></p>", '\u0000');
        assertEquals(1, html.chars().filter(c -> c == 0).count(), html);
    }
}
