package dev.drillbook.markdown;

import java.util.List;

/** The problems a link can have, worded once for every place that finds links. */
public final class LinkProblems {

    private LinkProblems() {
    }

    /** Adds a broken-link or ambiguous-link problem for {@code target} when its resolution calls for one. */
    public static void check(String target, Resolution resolution, int line, List<MarkdownProblem> out) {
        if (!resolution.resolved()) {
            out.add(new MarkdownProblem(MarkdownProblem.BROKEN_LINK,
                    "Link to \u201c" + target + "\u201d does not match any note or file in the vault.", line));
        } else if (resolution.ambiguous()) {
            out.add(new MarkdownProblem(MarkdownProblem.AMBIGUOUS_LINK,
                    "Link to \u201c" + target + "\u201d matches several files; using " + resolution.path()
                            + " (also: " + String.join(", ", resolution.ambiguousWith())
                            + "). Write the folder to choose one.", line));
        }
    }
}
