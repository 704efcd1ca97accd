package dev.drillbook.search;

import dev.drillbook.markdown.TextSection;
import dev.drillbook.vault.Note;

import java.util.List;

/**
 * A note's readable text as one character sequence (sections joined by a blank line), the text the body field is
 * indexed from, with the offset where each section starts so a highlighted passage can be traced back to its
 * heading.
 * <p>
 * A view over the sections rather than a joined copy: a search reads a few hundred characters of each of its ten
 * hits, and joining every hit's whole body was a fifth of a query's time.
 */
final class BodyText implements CharSequence {

    private static final String SEPARATOR = "\n\n";

    private final List<TextSection> sections;
    private final int[] starts;
    private final int length;

    private BodyText(List<TextSection> sections) {
        this.sections = sections;
        this.starts = new int[sections.size()];
        int at = 0;
        for (int i = 0; i < sections.size(); i++) {
            starts[i] = at;
            at += sections.get(i).text().length() + SEPARATOR.length();
        }
        this.length = at;
    }

    static BodyText of(Note note) {
        return new BodyText(note.sections());
    }

    static BodyText of(List<TextSection> sections) {
        return new BodyText(List.copyOf(sections));
    }

    /** The whole text, joined: what is indexed. */
    String text() {
        StringBuilder out = new StringBuilder(length);
        for (TextSection section : sections) {
            out.append(section.text()).append(SEPARATOR);
        }
        return out.toString();
    }

    /** The section the character at {@code offset} belongs to; null before the first. */
    TextSection sectionAt(int offset) {
        int i = sectionIndex(offset);
        return i < 0 ? null : sections.get(i);
    }

    private int sectionIndex(int offset) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        int i = sectionIndex(index);
        String text = sections.get(i).text();
        int local = index - starts[i];
        return local < text.length() ? text.charAt(local) : SEPARATOR.charAt(local - text.length());
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return slice(start, end);
    }

    /**
     * Characters {@code [start, end)} as a string, copied a section at a time: a snippet reads ~200 characters of
     * each hit, and looking every one up through {@link #charAt} was most of the cost of formatting it.
     */
    String slice(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = Math.max(0, sectionIndex(start)); i < sections.size() && starts[i] < end; i++) {
            String text = sections.get(i).text();
            int from = Math.max(start - starts[i], 0);
            int to = Math.min(end - starts[i], text.length() + SEPARATOR.length());
            if (from < text.length()) {
                out.append(text, from, Math.min(to, text.length()));
            }
            if (to > text.length()) {
                out.append(SEPARATOR, Math.max(from, text.length()) - text.length(), to - text.length());
            }
        }
        return out.toString();
    }

    /** As {@link String#indexOf(int, int)}: the first {@code c} at or after {@code from}, or -1. */
    int indexOf(char c, int from) {
        for (int i = Math.max(0, sectionIndex(Math.max(0, from))); i < sections.size(); i++) {
            String text = sections.get(i).text();
            int local = Math.max(0, from - starts[i]);
            int at = local < text.length() ? text.indexOf(c, local) : -1;
            if (at >= 0) {
                return starts[i] + at;
            }
            int separator = SEPARATOR.indexOf(c, Math.max(0, local - text.length()));
            if (separator >= 0) {
                return starts[i] + text.length() + separator;
            }
        }
        return -1;
    }

    /** As {@link String#lastIndexOf(int, int)}: the last {@code c} at or before {@code from}, or -1. */
    int lastIndexOf(char c, int from) {
        for (int i = sectionIndex(Math.min(from, length - 1)); i >= 0; i--) {
            String text = sections.get(i).text();
            int local = from - starts[i];
            if (local >= text.length()) {
                int separator = SEPARATOR.lastIndexOf(c, local - text.length());
                if (separator >= 0) {
                    return starts[i] + text.length() + separator;
                }
            }
            int at = text.lastIndexOf(c, Math.min(local, text.length() - 1));
            if (at >= 0) {
                return starts[i] + at;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return text();
    }
}
