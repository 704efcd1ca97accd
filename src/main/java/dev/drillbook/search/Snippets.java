package dev.drillbook.search;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Highlighted snippets from Lucene's {@link UnifiedHighlighter}, with match offsets read from the body's postings
 * (no second analysis). The body text comes from the notes in memory instead of a stored copy in the index (its two
 * extension points: {@link #loadFieldValues}, and {@link #highlightFieldsAsObjects} for where the snippet starts).
 */
final class Snippets extends UnifiedHighlighter {

    /** About how long a snippet is, in characters; it is cut at word boundaries around the first match. */
    static final int LENGTH = 180;

    /** A snippet: escaped HTML with matches in {@code <mark>}, and the body offset it starts at. */
    record Snippet(String html, int offset) {
    }

    private final Map<Integer, String> bodies;

    /** @param bodies each document's body text, by document id */
    Snippets(IndexSearcher searcher, Map<Integer, String> bodies) {
        super(UnifiedHighlighter.builder(searcher, Analyzers.INDEX)
                .withFormatter(new Formatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getWordInstance(Locale.ROOT), LENGTH, 0.3f))
                .withMaxNoHighlightPassages(1)
                .withHighlightPhrasesStrictly(true));
        this.bodies = bodies;
    }

    /** One snippet per document of {@code docs} (null where the body is empty). */
    Snippet[] highlight(Query query, int[] docs) throws IOException {
        Object[] found = highlightFieldsAsObjects(new String[] {Fields.BODY}, query, docs, new int[] {1}).get(Fields.BODY);
        Snippet[] out = new Snippet[docs.length];
        for (int i = 0; i < docs.length; i++) {
            out[i] = found[i] instanceof Snippet s ? s : null;
        }
        return out;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            CharSequence[] values = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = bodies.getOrDefault(doc, "");
            }
            out.add(values);
        }
        return out;
    }

    /** Escapes the passage, marks its matches, and says where it starts; line breaks become spaces. */
    static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return null;
            }
            Passage passage = passages[0];
            StringBuilder html = new StringBuilder(passage.getLength() + 32);
            if (passage.getStartOffset() > 0) {
                html.append('\u2026');
            }
            int at = passage.getStartOffset();
            for (int m = 0; m < passage.getNumMatches(); m++) {
                int start = Math.max(at, passage.getMatchStarts()[m]);
                int end = Math.min(passage.getEndOffset(), passage.getMatchEnds()[m]);
                if (end <= start) {
                    continue;
                }
                escape(content, at, start, html);
                html.append("<mark>");
                escape(content, start, end, html);
                html.append("</mark>");
                at = end;
            }
            escape(content, at, passage.getEndOffset(), html);
            if (passage.getEndOffset() < content.strip().length()) {
                html.append('\u2026');
            }
            int offset = passage.getNumMatches() > 0 ? passage.getMatchStarts()[0] : passage.getStartOffset();
            return new Snippet(html.toString().strip(), offset);
        }

        private static void escape(String text, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\n' -> out.append(' ');
                    default -> out.append(c);
                }
            }
        }
    }
}
