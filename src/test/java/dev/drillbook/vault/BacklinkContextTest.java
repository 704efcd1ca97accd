package dev.drillbook.vault;

import dev.drillbook.markdown.ObsidianMarkdown;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentence shown for a backlink, and the background warm-up that cuts it before any page asks. */
class BacklinkContextTest {

    private final NameIndex names = new NameIndex();
    private final NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());

    private Note source() {
        names.add("RAG.md", List.of());
        names.add("BM25.md", List.of());
        names.add("Source.md", List.of());
        String text = "# Source\n\nIntro.\n\n- Retrieval uses **hybrid** search: [[RAG]] with [[BM25|keyword scoring]].\n\n"
                + "Later we mention [[RAG]] again, and a [[Missing]] note.\n";
        return builder.build("Source.md", text, Instant.EPOCH, text.length(), names);
    }

    @Test
    void theSentenceAroundEachLinkWithTheLinkMarked() {
        BacklinkContext rag = BacklinkContext.of(source(), "RAG.md");
        assertEquals(List.of("Retrieval uses hybrid search: <mark>RAG</mark> with keyword scoring.",
                "Later we mention <mark>RAG</mark> again, and a Missing note."), rag.snippets());
        assertEquals(List.of("Retrieval uses hybrid search: RAG with <mark>keyword scoring</mark>."),
                BacklinkContext.of(source(), "BM25.md").snippets());
    }

    @Test
    void warmingCutsEveryResolvedLinkOnceAndPagesReuseIt() {
        Note source = source();
        BacklinkContext.warm(source);

        assertEquals(3, source.snippetCache().size(), "two lines linking RAG, one linking BM25; the unresolved link is skipped: "
                + source.snippetCache());
        String cached = source.snippetCache().values().stream().filter(s -> s.contains("keyword scoring</mark>")).findFirst().orElseThrow();
        assertSame(cached, BacklinkContext.of(source, "BM25.md").snippets().get(0), "served from the cache, not cut again");
        assertTrue(BacklinkContext.of(source, "RAG.md").snippets().get(1).startsWith("Later we mention"));
    }
}
