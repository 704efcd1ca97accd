package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Hostile note shapes from the attack pass (issue 26): deep nesting and paragraphs full of embeds. */
class RenderBoundsTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    private static String indentedList(int levels) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            list.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        return list.toString();
    }

    @Test
    void deepNestingIsCutAndReportedInsteadOfOverflowingTheStack() {
        for (String note : List.of(">".repeat(10_000) + " deep", ">".repeat(3_000) + " [!note] deep",
                "> [!note]\n".repeat(3_000) + "deep", "- ".repeat(10_000) + "deep", indentedList(1_500))) {
            MarkdownFacts facts = MARKDOWN.facts(note, 2);
            MarkdownProblem problem = facts.problems().stream()
                    .filter(p -> p.kind().equals(MarkdownProblem.TOO_DEEP)).findFirst().orElse(null);
            String html = MARKDOWN.html(facts.source(), "a.md", LinkTargets.NONE, true).withoutEmbeds();
            if (note.startsWith("> [!note]\n")) {
                assertEquals(null, problem, "one level per line is not nesting"); // 3,000 callouts in a row
                continue;
            }
            assertTrue(problem != null && problem.line() >= 3, note.substring(0, 20));
            assertTrue(html.contains("deep") || html.contains("level 1499"), "the rest is shown as text");
            assertEquals(NestingLimit.MAX_DEPTH, count(html, note.startsWith(">") ? "<blockquote" : note.startsWith("-") ? "<ul" : "<ul"),
                    "nesting stops at the limit");
        }
    }

    @Test
    void ordinaryNestingAndFencedCodeAreUntouched() {
        String note = "> quote\n> > nested\n\n- a\n  - b\n    1. c\n\n```\n" + "- ".repeat(200) + "\n```\n";
        assertEquals(note, NestingLimit.apply(note).text());
        assertTrue(MARKDOWN.facts(note, 0).problems().isEmpty());
    }

    @Test
    void aParagraphOfEmbedsRendersInLinearTime() {
        String note = "text ![[x]] text\n".repeat(8_000);
        MARKDOWN.renderNote("text ![[x]] text\n".repeat(500), "a.md", LinkTargets.NONE); // warm up
        long start = System.nanoTime();
        HtmlTemplate html = MARKDOWN.renderNote(note, "a.md", LinkTargets.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(8_000, count(html.withoutEmbeds(), "internal-embed"));
        // 19 s before the split became one pass (quadratic); ~0.3 s now on 2 shared cores
        assertTrue(millis < 5_000, "8,000 embeds took " + millis + " ms");
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
