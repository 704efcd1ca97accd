package dev.drillbook.vault;

import dev.drillbook.markdown.MarkdownProblem;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the vault's links follow notes that appear, disappear and change their aliases. */
class VaultModelTest {

    private final TestVault vault = new TestVault();
    private final NoteBuilder builder = new NoteBuilder(TestVault.MARKDOWN, 5_000_000);

    private static String target(Note note) {
        return note.links().get(0).resolved();
    }

    @Test
    void aLinkToANoteThatAppearsLaterResolvesAndTheReferrerIsReportedRelinked() {
        vault.note("a.md", "See [[Bee]].");
        assertNull(target(vault.get("a.md")));
        long before = vault.get("a.md").revision();

        Optional<VaultChanged> change = vault.model.update(List.of(builder.build("b/Bee.md", "# Bee", Instant.EPOCH, 5)),
                List.of(), List.of(), List.of(), false);

        assertEquals("b/Bee.md", target(vault.get("a.md")));
        assertEquals(List.of("a.md"), vault.model.backlinks("b/Bee.md"));
        assertTrue(change.orElseThrow().relinked().contains("a.md"), change.get().toString());
        assertTrue(vault.get("a.md").revision() > before, "a relinked note gets a new revision: its cached page is stale");
    }

    @Test
    void removingTheTargetBreaksTheLinkAndReportsIt() {
        vault.note("a.md", "See [[Bee]].").note("Bee.md", "# Bee");
        vault.remove("Bee.md");

        assertNull(target(vault.get("a.md")));
        assertTrue(vault.model.backlinks("Bee.md").isEmpty());
        List<VaultProblem> problems = vault.model.problems(vault.get("a.md"), 4);
        assertEquals(List.of(MarkdownProblem.BROKEN_LINK), problems.stream().map(VaultProblem::kind).toList());
    }

    @Test
    void anAliasAddedOrDroppedMovesTheLinksThatUseIt() {
        vault.note("a.md", "About [[Retrieval]].").note("RAG.md", "# RAG");
        assertNull(target(vault.get("a.md")));

        vault.note("RAG.md", "---\naliases: [Retrieval]\n---\n# RAG");
        assertEquals("RAG.md", target(vault.get("a.md")));

        vault.note("RAG.md", "# RAG");
        assertNull(target(vault.get("a.md")));
    }

    @Test
    void aSecondNoteOfTheSameNameMakesTheLinkAmbiguousAndTheShortestPathWins() {
        vault.note("a.md", "[[Notes]]").note("x/y/Notes.md", "deep");
        assertEquals("x/y/Notes.md", target(vault.get("a.md")));

        vault.note("z/Notes.md", "shallower");
        assertEquals("z/Notes.md", target(vault.get("a.md")));
        assertEquals(List.of(MarkdownProblem.AMBIGUOUS_LINK),
                vault.model.problems(vault.get("a.md"), 4).stream().map(VaultProblem::kind).toList());
    }

    @Test
    void aNoteReadAgainWithTheSameBytesIsNoChange() {
        vault.note("a.md", "[[b]]").note("b.md", "# B");
        Note before = vault.get("a.md");
        NoteContent again = builder.build("a.md", "[[b]]", Instant.parse("2030-01-01T00:00:00Z"), 5);

        Optional<VaultChanged> change = vault.model.update(List.of(again), List.of(), List.of(), List.of(), false);

        assertTrue(change.isEmpty(), "only the file's time moved: " + change);
        assertEquals(before.revision(), vault.get("a.md").revision());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), vault.get("a.md").content().modified(),
                "the new time is kept, so the next start does not read the file again");
    }

    @Test
    void anEditedNoteIsAChangeWithANewRevision() {
        vault.note("a.md", "one");
        long before = vault.get("a.md").revision();
        Optional<VaultChanged> change = vault.model.update(List.of(builder.build("a.md", "two", Instant.EPOCH, 3)),
                List.of(), List.of(), List.of(), false);
        assertEquals(java.util.Set.of("a.md"), change.orElseThrow().changed());
        assertTrue(vault.get("a.md").revision() > before);
    }

    @Test
    void anEmbedLoopIsReportedOnEveryNoteInIt() {
        vault.note("a.md", "![[b]]").note("b.md", "![[a]]");
        assertEquals(List.of(MarkdownProblem.EMBED_CYCLE),
                vault.model.problems(vault.get("a.md"), 4).stream().map(VaultProblem::kind).toList());
        assertEquals(List.of(MarkdownProblem.EMBED_CYCLE),
                vault.model.problems(vault.get("b.md"), 4).stream().map(VaultProblem::kind).toList());
    }
}
