package dev.drillbook.markdown.scan;

import java.util.List;
import java.util.Random;

/** Random notes mixing every construct that changes where links, tags and headings are (fixed seeds in tests). */
final class SyntheticNotes {

    private static final List<String> WORDS = List.of("attention", "retrieval", "ranking", "cache", "token", "embedding",
            "judge", "loss", "vector", "query", "index", "model", "grammar", "schema", "agent", "memory");

    private SyntheticNotes() {
    }

    static String note(Random r) {
        StringBuilder out = new StringBuilder();
        int blocks = 4 + r.nextInt(14);
        for (int b = 0; b < blocks; b++) {
            switch (r.nextInt(14)) {
                case 0 -> out.append("#".repeat(1 + r.nextInt(4))).append(' ').append(inline(r, 4, false)).append("\n\n");
                case 1 -> {
                    int items = 1 + r.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        out.append(r.nextBoolean() ? "- " : (i + 1) + ". ").append(r.nextInt(5) == 0 ? "[ ] " : "")
                                .append(inline(r, 8)).append(r.nextInt(6) == 0 ? " ^item-" + i : "").append('\n');
                        if (r.nextInt(4) == 0) {
                            out.append("  - ").append(inline(r, 5)).append('\n');
                        }
                    }
                    out.append('\n');
                }
                case 2 -> out.append("```").append(r.nextBoolean() ? "python" : "").append("\nx = 1  # [[Not A Link]] #nottag $y$\n```\n\n");
                case 3 -> out.append("$$\n\\frac{a}{b} [[No]]\n$$\n\n");
                case 4 -> out.append("> [!note] ").append(inline(r, 3)).append("\n> ").append(inline(r, 10)).append("\n\n");
                case 5 -> out.append("| a | b |\n|---|---|\n| ").append(inline(r, 3)).append(" | [[Table Link\\|shown]] |\n\n");
                case 6 -> out.append(inline(r, 20)).append(" ^block-").append(b).append("\n\n");
                case 7 -> out.append("<div>\n[[Inside Html]] #html\n</div>\n\n");
                case 8 -> out.append(inline(r, 10, false)).append('\n').append(r.nextBoolean() ? "===" : "---").append("\n\n");
                case 9 -> out.append("---\n\n");
                case 10 -> out.append("    indented code [[Not Link]]\n\n");
                case 11 -> out.append("%% hidden [[Hidden]] %% ").append(inline(r, 6)).append("\n\n");
                case 12 -> out.append("- ").append(inline(r, 5)).append("\n- ").append(inline(r, 5)).append("\n\n^list-").append(b).append("\n\n");
                default -> out.append(inline(r, 25)).append("\n\n");
            }
        }
        return out.toString();
    }

    private static String inline(Random r, int words) {
        return inline(r, words, true);
    }

    /**
     * @param html whether inline HTML and backslash escapes may appear. Not in headings: there flexmark builds ids
     *     from the raw characters around an escape (link URLs and tag names included), which the scanner does not
     *     copy; for such headings the facts from rendering replace the scanned ones.
     */
    private static String inline(Random r, int words, boolean html) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                out.append(' ');
            }
            String w = WORDS.get(r.nextInt(WORDS.size()));
            switch (r.nextInt(22)) {
                case 0 -> out.append("[[").append(cap(w)).append("]]");
                case 1 -> out.append("[[").append(cap(w)).append("#Key Ideas|").append(w).append("]]");
                case 2 -> out.append("![[").append(cap(w)).append("]]");
                case 3 -> out.append("#").append(w).append(r.nextBoolean() ? "/sub" : "");
                case 4 -> out.append('`').append(w).append(" [[Code]]`");
                case 5 -> out.append("$x_").append(i).append("$");
                case 6 -> out.append("**").append(w).append("**");
                case 7 -> out.append("[").append(w).append("](").append(cap(w)).append(".md)");
                case 8 -> out.append("[[").append(w).append("]]");
                case 9 -> out.append("$5");
                case 10 -> out.append("==").append(w).append("==");
                case 11 -> out.append("[[#").append(cap(w)).append("]]");
                case 12 -> out.append(html ? "<span>" + w + "</span>" : w);
                case 13 -> out.append(html ? "\\[" + w + "]" : w);
                case 14 -> out.append(w).append("_k");
                default -> out.append(w);
            }
        }
        return out.toString();
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
