package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.Resolution;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Link resolution in Obsidian's order, on a small hand-made vault. */
class NameIndexTest {

    private NameIndex index;

    @BeforeEach
    void vault() {
        index = new NameIndex();
        index.add("rag/Overview.md", List.of("RAG", "Retrieval-augmented generation"));
        index.add("archive/old/Overview.md", List.of());
        index.add("rag/Retrieval Basics.md", List.of());
        index.add("attention/Attention.md", List.of("SDPA"));
        index.add("Attention Notes.md", List.of());
        index.add("img/diagram.png", List.of());
        index.add("other/img/diagram.png", List.of());
        index.add("papers/ColBERT.pdf", List.of());
        index.add("b/Same.md", List.of());
        index.add("a/Same.md", List.of());
    }

    @Test
    void exactVaultPathWinsWithOrWithoutExtension() {
        assertEquals("rag/Overview.md", index.resolve("rag/Overview", null).path());
        assertEquals("archive/old/Overview.md", index.resolve("archive/old/Overview.md", null).path());
        assertFalse(index.resolve("archive/old/Overview", null).ambiguous());
    }

    @Test
    void relativeToTheLinkingNotesFolder() {
        assertEquals("archive/old/Overview.md", index.resolve("Overview", "archive/old/Index.md").path());
        assertEquals("img/diagram.png", index.resolve("../img/diagram.png", "rag/Overview.md").path());
    }

    @Test
    void fileNameThenShortestPathThenAlphabeticalReportingTheAmbiguity() {
        Resolution overview = index.resolve("Overview", "index.md");
        assertEquals("rag/Overview.md", overview.path());
        assertEquals(List.of("archive/old/Overview.md"), overview.ambiguousWith());
        Resolution same = index.resolve("Same", null);
        assertEquals("a/Same.md", same.path(), "same length: alphabetical");
        assertTrue(same.ambiguous());
    }

    @Test
    void caseInsensitiveFileNameAfterExactName() {
        assertEquals("rag/Retrieval Basics.md", index.resolve("retrieval basics", null).path());
        assertEquals("rag/Overview.md", index.resolve("RAG/overview", null).path(), "paths too");
    }

    @Test
    void aliasesAfterNamesCaseInsensitive() {
        Resolution alias = index.resolve("retrieval-augmented generation", null);
        assertEquals("rag/Overview.md", alias.path());
        assertTrue(alias.viaAlias());
        assertEquals("attention/Attention.md", index.resolve("sdpa", null).path());
    }

    @Test
    void namesBeatAliases() {
        index.add("Notes/RAG.md", List.of());
        assertEquals("Notes/RAG.md", index.resolve("RAG", null).path());
    }

    @Test
    void attachmentsByFullFileName() {
        assertEquals("img/diagram.png", index.resolve("diagram.png", null).path());
        assertEquals("papers/ColBERT.pdf", index.resolve("ColBERT.pdf", null).path());
        assertNull(index.resolve("ColBERT", null).path(), "a note name does not match a PDF");
    }

    @Test
    void folderSuffixMatchesDeeperPaths() {
        assertEquals("archive/old/Overview.md", index.resolve("old/Overview", null).path());
    }

    @Test
    void unresolvedAndEscapes() {
        assertNull(index.resolve("Nope", null).path());
        assertNull(index.resolve("../../etc/passwd", "rag/Overview.md").path());
        assertNull(index.resolve("   ", null).path());
    }

    @Test
    void removingAFileAndItsAliases() {
        index.remove("rag/Overview.md");
        assertEquals("archive/old/Overview.md", index.resolve("Overview", null).path());
        assertNull(index.resolve("RAG", null).path());
    }
}
