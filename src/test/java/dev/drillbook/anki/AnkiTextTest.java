package dev.drillbook.anki;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnkiTextTest {

    @Test
    void writesWhatItReadsBackIncludingTabsNewlinesAndQuotes() {
        List<AnkiText.Note> notes = List.of(new AnkiText.Note("<p>Say \"hi\"</p>", "a\tb\nc", "Drillbook::rag", List.of("rag", "two words")),
                new AnkiText.Note("plain", "answer", "Drillbook::evals", List.of()));
        String text = AnkiText.write(notes);
        AnkiText.Parsed parsed = AnkiText.read(text);
        assertEquals("tab", parsed.header().get("separator"));
        assertEquals(2, parsed.column("deck column", -1));
        assertEquals(List.of("<p>Say \"hi\"</p>", "a\tb\nc", "Drillbook::rag", "rag two_words"), parsed.rows().get(0));
        assertEquals(List.of("plain", "answer", "Drillbook::evals", ""), parsed.rows().get(1));
    }

    @Test
    void mathAndHtmlConversions() {
        assertEquals("<p>\\(QK^\\top\\) and</p>\\[x\\]", AnkiText.ankiMath(
                "<p><span class=\"math math-inline\">QK^\\top</span> and</p><div class=\"math math-block\">x</div>"));
        assertEquals("**Bold** line\nnext $x^2$ & $$y$$", AnkiText.toText("<b>Bold</b> line<br><div>next \\(x^2\\) &amp; \\[y\\]</div>"));
        assertEquals("a+b @ c &#0; &#x110000;", AnkiText.toText("a&#43;b &#x40; c &#0; &#x110000;"));
        AnkiText.Parsed bare = AnkiText.read("front one\tback one\nfront two\tback two\n");
        assertEquals(2, bare.rows().size(), "no header: tab-separated front and back");
    }
}
