package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Math that is never closed must not eat the rest of the note, and the author is told where it starts. */
class UnclosedMathTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    @Test
    void anUnclosedDisplayBlockIsReportedAtItsLineAndTheNextParagraphsRender() {
        String body = "Intro.\n\n$$\n\\sum_i x_i\n\n## Next section\n\nStill here.\n";
        MarkdownFacts facts = MARKDOWN.facts(body, 3);
        List<MarkdownProblem> unclosed = facts.problems().stream()
                .filter(p -> p.kind().equals(MarkdownProblem.UNCLOSED_MATH)).toList();
        assertEquals(1, unclosed.size(), facts.problems().toString());
        assertEquals(3 + 3, unclosed.get(0).line(), "line of the opening $$ in the file (3 front-matter lines)");
        String html = MARKDOWN.html(facts.source(), "a.md", LinkTargets.NONE, true).withoutEmbeds();
        assertTrue(html.contains("<h2") && html.contains("Still here."), html);
        assertTrue(!html.contains("math-block"), "nothing is typeset as math: " + html);
        assertTrue(facts.headings().stream().anyMatch(h -> h.text().equals("Next section")), "the heading is a heading");
    }

    @Test
    void closedBlocksAreNotProblems() {
        MarkdownFacts facts = MARKDOWN.facts("$$\na\n$$\n\n$$b$$\n", 0);
        assertTrue(facts.problems().isEmpty(), facts.problems().toString());
    }
}
