package dev.drillbook.search;

import dev.drillbook.markdown.TextSection;
import dev.drillbook.vault.Note;

import java.util.Arrays;
import java.util.List;

/**
 * A note's readable text as the body field indexes it: its sections one after the other, each ended by a blank
 * line, so that an offset in the text (where a snippet starts) tells which section, and so which heading, it is in.
 */
record BodyText(String text, List<TextSection> sections, int[] starts) {

    static BodyText of(Note note) {
        List<TextSection> sections = note.sections();
        StringBuilder text = new StringBuilder();
        int[] starts = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            starts[i] = text.length();
            text.append(sections.get(i).text()).append("\n\n");
        }
        return new BodyText(text.toString(), sections, starts);
    }

    /** The section holding the character at {@code offset}, or null when the note has none. */
    TextSection sectionAt(int offset) {
        if (sections.isEmpty()) {
            return null;
        }
        int index = Arrays.binarySearch(starts, offset);
        return sections.get(index >= 0 ? index : Math.max(0, -index - 2));
    }
}
