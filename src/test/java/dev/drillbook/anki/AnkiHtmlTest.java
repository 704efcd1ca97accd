package dev.drillbook.anki;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Golden values for Anki templates and HTML as card Markdown. */
class AnkiHtmlTest {

    private final Set<String> unknown = new LinkedHashSet<>();

    @Test
    void templatesFillFieldsSectionsAndLeaveTheQuestionOffTheAnswer() {
        Map<String, String> f = Map.of("Front", "Q", "Back", "A", "Extra", "");
        assertEquals("Q", AnkiHtml.question("{{Front}}\n\n{{type:Back}}", f, unknown).strip());
        assertEquals("A", AnkiHtml.answer("{{Front}}<hr id=answer>{{type:Back}}", f, unknown));
        assertEquals("\n\nA", AnkiHtml.answer("{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", f, unknown).replace("\n\n\n\n", "\n\n"));
        assertEquals("A-", AnkiHtml.render("{{Back}}{{#Extra}}+{{Extra}}{{/Extra}}{{^Extra}}-{{/Extra}}", f, unknown));
        assertEquals("Q", AnkiHtml.render("{{text:Front}}", f, unknown));
        assertEquals("A", AnkiHtml.render("{{tts en_US:Back}}", f, unknown));
        assertEquals(Set.of("tts en_us"), unknown);
    }

    @Test
    void htmlBecomesCardMarkdownThatCannotBreakTheCardBlock() {
        assertEquals("**bold** *it* ~~gone~~\nline two", AnkiHtml.toMarkdown("<b>bold</b> <i>it</i> <s>gone</s><br><div>line two</div>", n -> null));
        assertEquals("$x^2$ and $$\\sum_i i$$", AnkiHtml.toMarkdown("\\(x^2\\) and \\[\\sum_i i\\]", n -> null));
        assertEquals("$y$", AnkiHtml.toMarkdown("[$]y[/$]", n -> null));
        assertEquals("![](/m/cat.png) [🔊 a.mp3](/m/a.mp3)", AnkiHtml.toMarkdown("<img src=\"cat.png\"> [sound:a.mp3]", n -> "/m/" + n));
        assertEquals("(image gone.png)", AnkiHtml.toMarkdown("<img src=\"gone.png\">", n -> null));
        assertEquals("\\?\n\\# not a heading\na :\\: b {{c1::x::hint}}", AnkiHtml.toMarkdown("?<br><br># not a heading<br>a :: b {{c1::x::hint}}", n -> null));
        assertEquals("2 < 3, \\<b> is literal, $a<b$", AnkiHtml.toMarkdown("2 &lt; 3, &lt;b&gt; is literal, \\(a&lt;b\\)", n -> null));
        assertEquals("- one\n- two", AnkiHtml.toMarkdown("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>", n -> null));
        assertEquals("[site](https://example.org) local", AnkiHtml.toMarkdown("<a href=\"https://example.org\">site</a> <a href=\"x\">local</a>", n -> null));
    }

    @Test
    void tagsAndMediaNames() {
        assertEquals("ml/x", AnkiHtml.tag("ml::x"));
        assertEquals("C--", AnkiHtml.tag("C++"));
        assertEquals("t-2024", AnkiHtml.tag("2024"));
        assertEquals("evil.png", AnkiHtml.cleanMediaName("../../evil.png"));
        assertEquals("a_b.png", AnkiHtml.cleanMediaName("a:b.png"));
        assertEquals("hidden", AnkiHtml.cleanMediaName(".hidden"));
        assertEquals("/api/anki/media/my%20cat.png", AnkiHtml.mediaUrl("my cat.png"));
    }
}
