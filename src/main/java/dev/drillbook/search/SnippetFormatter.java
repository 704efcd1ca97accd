package dev.drillbook.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats the best passage as escaped HTML with matches in {@code <mark>}, and remembers where it starts. */
final class SnippetFormatter extends PassageFormatter {

    /** @param firstMatch offset of the first highlighted match (what decides the section heading) */
    record Snippet(String html, int firstMatch) {
    }

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return null;
        }
        Passage passage = passages[0];
        StringBuilder out = new StringBuilder();
        int pos = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int start = Math.max(pos, passage.getMatchStarts()[i]);
            int end = passage.getMatchEnds()[i];
            if (start >= end) {
                continue;
            }
            escape(content, pos, start, out);
            out.append("<mark>");
            escape(content, start, end, out);
            out.append("</mark>");
            pos = end;
        }
        escape(content, pos, passage.getEndOffset(), out);
        String html = out.toString().replace('\n', ' ').strip();
        if (passage.getStartOffset() > 0) {
            html = "\u2026" + html;
        }
        if (passage.getEndOffset() < content.length()) {
            html = html + "\u2026";
        }
        int firstMatch = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : passage.getStartOffset();
        return new Snippet(html, firstMatch);
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
