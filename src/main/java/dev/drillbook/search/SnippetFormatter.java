package dev.drillbook.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the best passage (a paragraph) as escaped HTML with matches in {@code <mark>}: a window of about
 * {@link #WINDOW} characters starting a little before the first match, cut at word boundaries. Remembers where the
 * first match is, so the hit can name its section.
 */
final class SnippetFormatter extends PassageFormatter {

    static final int WINDOW = 200;
    private static final int LEAD = 50;

    /** @param firstMatch offset of the first highlighted match (what decides the section heading) */
    record Snippet(String html, int firstMatch) {
    }

    @Override
    public Object format(Passage[] passages, String content) {
        return passages.length == 0 ? null : format(passages[0], content);
    }

    /** The passage of {@code content} (a note's whole body text) as a snippet. */
    static Snippet format(Passage passage, CharSequence content) {
        int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : passage.getStartOffset();
        int start = passage.getStartOffset();
        int end = Math.min(passage.getEndOffset(), content.length());
        if (end - start > WINDOW) {
            start = Math.max(start, firstMatch - LEAD);
            while (start > passage.getStartOffset() && !Character.isWhitespace(content.charAt(start - 1))) {
                start--;
            }
            end = Math.min(end, start + WINDOW);
            while (end < passage.getEndOffset() && end < content.length() && !Character.isWhitespace(content.charAt(end))) {
                end++;
            }
        }
        // the window copied once: the escaping below then reads a plain string, not the note's sections
        String window = content.subSequence(start, end).toString();
        StringBuilder out = new StringBuilder(window.length() + 64);
        int pos = start;
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int matchStart = Math.max(pos, passage.getMatchStarts()[i]);
            int matchEnd = Math.min(end, passage.getMatchEnds()[i]);
            if (matchStart >= matchEnd) {
                continue;
            }
            escape(window, pos - start, matchStart - start, out);
            out.append("<mark>");
            escape(window, matchStart - start, matchEnd - start, out);
            out.append("</mark>");
            pos = matchEnd;
        }
        escape(window, pos - start, end - start, out);
        String html = out.toString().replace('\n', ' ').strip();
        if (start > 0) {
            html = "\u2026" + html;
        }
        if (end < trimmedLength(content)) {
            html = html + "\u2026";
        }
        return new Snippet(html, firstMatch);
    }

    /** {@code content.toString().strip().length()}, without the copies. */
    private static int trimmedLength(CharSequence content) {
        int end = content.length();
        while (end > 0 && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Appends {@code s[from, to)} HTML-escaped, copying the runs between special characters whole. */
    static void escape(CharSequence s, int from, int to, StringBuilder out) {
        int end = Math.min(to, s.length());
        int run = from;
        for (int i = from; i < end; i++) {
            String entity = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                out.append(s, run, i).append(entity);
                run = i + 1;
            }
        }
        if (run < end) {
            out.append(s, run, end);
        }
    }
}
