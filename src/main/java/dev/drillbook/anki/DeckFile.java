package dev.drillbook.anki;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card file written by the Anki importer: front matter naming the Anki deck, then one section per Anki note, each opened
 * by an HTML comment with the note's guid and id. Card parsing ignores the comments; a later import finds its notes by
 * them and replaces their sections, so re-importing updates cards instead of adding copies. Pure.
 */
final class DeckFile {

    static final String DECK_PROPERTY = "anki-deck";
    private static final Pattern MARKER = Pattern.compile("(?m)^<!-- anki-note guid=(\\S+) id=(-?\\d+) -->$");
    private static final Pattern DECK = Pattern.compile("(?m)^" + DECK_PROPERTY + ": \"((?:[^\"\\\\]|\\\\.)*)\"$");

    /** The text before the first note section, and each note's section (marker line included) by guid. */
    record Parsed(String head, LinkedHashMap<String, String> notes) {
    }

    private DeckFile() {
    }

    static String head(String ankiDeck, String drillbookDeck) {
        return "---\ndeck: " + quote(drillbookDeck) + "\n" + DECK_PROPERTY + ": " + quote(ankiDeck)
                + "\nsource: imported from Anki\n---\n\n";
    }

    static String marker(String guid, long noteId) {
        // URL-encoded: a guid may hold "-->" or "%%", which would end or open a comment
        return "<!-- anki-note guid=" + URLEncoder.encode(guid, StandardCharsets.UTF_8) + " id=" + noteId + " -->";
    }

    /** The Anki deck a file was imported from, or null for a file the importer did not write. */
    static String ankiDeck(String text) {
        int end = text.startsWith("---\n") ? text.indexOf("\n---", 4) : -1;
        if (end < 0) {
            return null;
        }
        Matcher m = DECK.matcher(text.substring(0, end + 1));
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    static Parsed parse(String text) {
        Matcher m = MARKER.matcher(text);
        LinkedHashMap<String, String> notes = new LinkedHashMap<>();
        String head = null;
        int start = -1;
        String guid = null;
        while (m.find()) {
            if (head == null) {
                head = text.substring(0, m.start());
            } else {
                notes.put(guid, text.substring(start, m.start()));
            }
            start = m.start();
            guid = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        }
        if (head == null) {
            return new Parsed(text, notes);
        }
        notes.put(guid, text.substring(start));
        return new Parsed(head, notes);
    }

    /** One note's section: the marker, then each card block, separated by blank lines. */
    static String section(String guid, long noteId, Iterable<String> blocks) {
        StringBuilder b = new StringBuilder(marker(guid, noteId)).append("\n\n");
        for (String block : blocks) {
            b.append(block.strip()).append("\n\n");
        }
        return b.toString();
    }

    static String compose(String head, Map<String, String> notes) {
        StringBuilder b = new StringBuilder(head);
        if (!head.endsWith("\n\n")) {
            b.append(head.endsWith("\n") ? "\n" : "\n\n");
        }
        notes.values().forEach(s -> b.append(s.endsWith("\n\n") ? s : s.stripTrailing() + "\n\n"));
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
