package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drillbook.markdown.LinkRef;
import dev.drillbook.markdown.MarkdownFacts;
import dev.drillbook.markdown.ObsidianMarkdown;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The Markdown a backlink shows around each link: read off the same parse as the note's other facts. */
class BacklinkContextTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    private static List<String> contexts(String text, String target) {
        MarkdownFacts facts = MARKDOWN.facts(text, 0);
        return facts.links().stream().filter(l -> l.target().equals(target)).map(l -> l.context(facts.source())).toList();
    }

    @Test
    void theParagraphOfEachLinkWithoutItsListMarker() {
        String text = "# Source\n\nIntro.\n\n- Retrieval uses **hybrid** search: [[RAG]] with [[BM25|keyword scoring]].\n\n"
                + "Later we mention [[RAG]] again,\nand a [[Missing]] note.\n";
        assertEquals(List.of("Retrieval uses **hybrid** search: [[RAG]] with [[BM25|keyword scoring]].",
                "Later we mention [[RAG]] again,\nand a [[Missing]] note."), contexts(text, "RAG"));
        assertEquals(List.of("Retrieval uses **hybrid** search: [[RAG]] with [[BM25|keyword scoring]]."), contexts(text, "BM25"));
    }

    @Test
    void quoteAndCalloutMarkersAreLeftOut() {
        assertEquals(List.of("First line about [[RAG]]\nand its second line."),
                contexts("> First line about [[RAG]]\n> and its second line.\n", "RAG"));
        assertEquals(List.of("First line about [[RAG]]"),
                contexts("> [!note] Title\n> First line about [[RAG]]\n> and its second line.\n", "RAG"));
    }

    @Test
    void aLongParagraphIsCutToTheLinesTheLinkIsOn() {
        String filler = "This sentence only makes the paragraph longer than a backlink should show. ";
        String text = filler.repeat(3) + "\nThe line with [[RAG]] in it.\n" + filler.repeat(3) + "\n";
        assertEquals(List.of("The line with [[RAG]] in it."), contexts(text, "RAG"));
    }

    @Test
    void outsideAParagraphItsLine() {
        String text = "| Topic | Note |\n|---|---|\n| retrieval | [[RAG]] |\n";
        assertEquals(List.of("| retrieval | [[RAG]] |"), contexts(text, "RAG"));
        LinkRef ref = MARKDOWN.facts(text, 0).links().get(0);
        assertEquals(3, ref.line());
    }
}
