package dev.drillbook.web;

import java.util.Map;

/** Human names for problem kinds. */
final class ProblemLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("bad-front-matter", "Front matter that could not be read"),
            Map.entry("broken-link", "Links to notes that do not exist"),
            Map.entry("ambiguous-link", "Links that match more than one note"),
            Map.entry("broken-anchor", "Links to headings or blocks that do not exist"),
            Map.entry("unterminated-comment", "Comments that are never closed"),
            Map.entry("embed-cycle", "Embeds that loop"),
            Map.entry("unreadable-file", "Files that could not be read"),
            Map.entry("missing-vault", "Vault folder missing"),
            Map.entry("card-incomplete", "Cards with an empty question or answer"),
            Map.entry("card-none", "Card files without cards"),
            Map.entry("card-ignored", "Lines that look like cards but make none"),
            Map.entry("card-unreadable", "Card files that could not be read"),
            Map.entry("card-front-matter", "Card files whose front matter could not be read"),
            Map.entry("drill-format", "Drills that do not follow the drill format"),
            Map.entry("drill-front-matter", "Drills whose front matter could not be read"),
            Map.entry("drill-unreadable", "Drill files that could not be read"),
            Map.entry("bad-question", "Questions that could not be read"),
            Map.entry("bad-format", "Interview formats that could not be read"),
            Map.entry("story", "Stories that are incomplete or answer an unknown question"));

    private ProblemLabels() {
    }

    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind.replace('-', ' '));
    }
}
