package dev.drillbook.quiz;

import java.util.List;

/**
 * One card as written in a file, before it meets its review history.
 *
 * @param source vault path of the note, or {@code questions/…} path of the card file
 * @param kind how it was written
 * @param front Markdown shown as the question
 * @param back Markdown shown as the answer
 * @param line 1-based line where the card starts
 * @param deck the deck it belongs to
 * @param tags the file's and the card's own tags (without {@code #})
 * @param links link targets written in the card (unresolved text, as in {@code [[target]]})
 * @param fingerprint hash of what the card says (kind, front, back), independent of where it sits in the file
 */
public record ParsedCard(String source, CardKind kind, String front, String back, int line, String deck,
        List<String> tags, List<String> links, String fingerprint) {

    public ParsedCard {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
    }

    /** Front and back as one plain string, for comparing a card with its edited version. */
    public String text() {
        return front + "\n" + back;
    }
}
