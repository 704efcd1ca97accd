package dev.drillbook.search;

import dev.drillbook.markdown.TextSection;
import dev.drillbook.vault.Note;

import java.util.ArrayList;
import java.util.List;

/**
 * A note's readable text as one string (sections joined), with the offset where each section starts, so a
 * highlighted passage can be traced back to its heading.
 */
record BodyText(String text, List<TextSection> sections, int[] starts) {

    static BodyText of(Note note) {
        StringBuilder out = new StringBuilder();
        List<TextSection> sections = new ArrayList<>(note.sections());
        int[] starts = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            starts[i] = out.length();
            out.append(sections.get(i).text()).append("\n\n");
        }
        return new BodyText(out.toString(), sections, starts);
    }

    TextSection sectionAt(int offset) {
        TextSection found = null;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= offset) {
                found = sections.get(i);
            } else {
                break;
            }
        }
        return found;
    }
}
