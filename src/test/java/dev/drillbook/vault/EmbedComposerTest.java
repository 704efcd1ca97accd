package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import java.util.List;

/** Embeds filled at serve time: sections, blocks, cycles, depth. */
class EmbedComposerTest {

    private final TestVault vault = new TestVault();

    private void note(String path, String text) {
        vault.note(path, text);
    }

    private EmbedComposer composer(int depth) {
        return vault.composer(depth);
    }

    private Note get(String path) {
        return vault.get(path);
    }

    @Test
    void headingSectionStopsAtTheNextHeadingOfTheSameLevel() {
        note("A.md", "# A\n\n![[B#Two]]\n");
        note("B.md", "# B\n\n## One\n\nfirst\n\n## Two\n\nsecond\n\n### Two-a\n\ndeeper\n\n## Three\n\nthird\n");
        note("A.md", "# A\n\n![[B#Two]]\n");
        String html = composer(4).compose(get("A.md"));
        assertTrue(html.contains("second") && html.contains("deeper"), html);
        assertFalse(html.contains("first") || html.contains("third"), html);
    }

    @Test
    void blockEmbedShowsOnlyThatBlock() {
        note("B.md", "para one ^one\n\npara two ^two\n");
        note("A.md", "![[B#^two]]\n");
        String html = composer(4).compose(get("A.md"));
        assertTrue(html.contains("para two"));
        assertFalse(html.contains("para one"));
    }

    @Test
    void selfEmbedAndMutualEmbedsRenderOnceThenANotice() {
        note("Self.md", "# Self\n\n![[Self]]\n");
        note("A.md", "# A\n\n![[B]]\n");
        note("B.md", "# B\n\n![[A]]\n");
        note("A.md", "# A\n\n![[B]]\n");
        EmbedComposer composer = composer(10);
        String self = composer.compose(get("Self.md"));
        assertTrue(self.contains("embed-cycle"));
        String a = composer.compose(get("A.md"));
        assertEquals(1, a.split("embed-cycle", -1).length - 1, a);
        assertEquals(List.of("A.md \u2192 B.md \u2192 A.md"), vault.model.embedCycles(get("A.md"), 10));
    }

    @Test
    void twoSectionsOfOneNoteAreNotACycle() {
        note("N.md", "## One\n\n![[N#Two]]\n\n## Two\n\nbody two\n");
        String html = composer(4).compose(get("N.md"));
        assertFalse(html.contains("embed-cycle"), html);
        assertTrue(vault.model.embedCycles(get("N.md"), 4).isEmpty());
    }

    @Test
    void depthIsCappedWithALinkInsteadOfRecursion() {
        for (int i = 0; i < 8; i++) {
            note("N" + i + ".md", "level " + i + "\n\n![[N" + (i + 1) + "]]\n");
        }
        note("N8.md", "bottom");
        for (int i = 0; i < 8; i++) {
            note("N" + i + ".md", "level " + i + "\n\n![[N" + (i + 1) + "]]\n");
        }
        String html = composer(3).compose(get("N0.md"));
        assertTrue(html.contains("level 3"));
        assertFalse(html.contains("level 5"));
        assertTrue(html.contains("embed-too-deep"));
    }

    @Test
    void missingHeadingShowsANotice() {
        note("B.md", "# B\n");
        note("A.md", "![[B#Nope]]\n");
        assertTrue(composer(4).compose(get("A.md")).contains("No heading \u201cNope\u201d"));
    }
}
