package dev.drillbook.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Snippets read straight from the body's postings, which carry each occurrence's character offsets: for every hit,
 * the paragraph (a line of the body text) holding the most distinct query terms, then the most matches, then the
 * earliest, formatted by {@link SnippetFormatter}. The unified highlighter did the same through general machinery
 * (break iterators, passage scoring, one postings seek per term and document) at about five times the cost, which
 * was a third of a query's time.
 */
final class PostingsSnippets {

    private PostingsSnippets() {
    }

    /** The terms of {@code query} in {@link Fields#BODY}: what gets highlighted. */
    static List<BytesRef> bodyTerms(Query query) {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        List<BytesRef> out = new ArrayList<>();
        for (Term term : terms) {
            if (term.field().equals(Fields.BODY)) {
                out.add(term.bytes());
            }
        }
        return out;
    }

    /**
     * @param docs top-level doc ids, in any order
     * @param text the body text of the i-th hit (the text that was indexed, so offsets line up)
     * @return per hit, a {@link SnippetFormatter.Snippet} or null when the body has none of the terms
     */
    static Object[] highlight(IndexSearcher searcher, List<BytesRef> terms, int[] docs, IntFunction<? extends CharSequence> text)
            throws IOException {
        Object[] out = new Object[docs.length];
        if (terms.isEmpty() || docs.length == 0) {
            return out;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // per leaf, doc ids ascending, so each term's postings are walked forward once
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        int i = 0;
        while (i < order.length) {
            int leafIndex = ReaderUtil.subIndex(docs[order[i]], leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int end = i;
            while (end < order.length && ReaderUtil.subIndex(docs[order[end]], leaves) == leafIndex) {
                end++;
            }
            List<List<int[]>> matches = new ArrayList<>();
            for (int k = i; k < end; k++) {
                matches.add(new ArrayList<>());
            }
            collectMatches(leaf, terms, docs, order, i, end, matches);
            for (int k = i; k < end; k++) {
                int hit = order[k];
                out[hit] = best(matches.get(k - i), text.apply(hit));
            }
            i = end;
        }
        return out;
    }

    /** Adds {start, end, term index} of every occurrence of every term in the docs {@code order[from..to)}. */
    private static void collectMatches(LeafReaderContext leaf, List<BytesRef> terms, int[] docs, Integer[] order, int from, int to,
            List<List<int[]>> matches) throws IOException {
        LeafReader reader = leaf.reader();
        Terms field = reader.terms(Fields.BODY);
        if (field == null || !field.hasOffsets()) {
            return;
        }
        TermsEnum termsEnum = field.iterator();
        PostingsEnum postings = null;
        for (int t = 0; t < terms.size(); t++) {
            if (!termsEnum.seekExact(terms.get(t))) {
                continue;
            }
            postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
            for (int k = from; k < to; k++) {
                int doc = docs[order[k]] - leaf.docBase;
                int at = postings.docID() >= doc ? postings.docID() : postings.advance(doc);
                if (at != doc) {
                    continue;
                }
                for (int n = postings.freq(); n > 0; n--) {
                    postings.nextPosition();
                    matches.get(k - from).add(new int[] {postings.startOffset(), postings.endOffset(), t});
                }
            }
        }
    }

    /** The best paragraph around the matches, formatted; null without matches. */
    static SnippetFormatter.Snippet best(List<int[]> matches, CharSequence text) {
        if (matches.isEmpty()) {
            return null;
        }
        matches.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        int bestStart = -1;
        int bestEnd = -1;
        int bestDistinct = -1;
        int bestCount = -1;
        int m = 0;
        while (m < matches.size()) {
            int start = lastIndexOf(text, '\n', matches.get(m)[0] - 1) + 1;
            int end = indexOf(text, '\n', matches.get(m)[0]);
            end = end < 0 ? text.length() : end;
            long distinct = 1L << Math.min(63, matches.get(m)[2]);
            int count = 1;
            // always past the first match, even one beyond the text (a note edited since it was indexed)
            int n = m + 1;
            for (; n < matches.size() && matches.get(n)[0] < end; n++) {
                distinct |= 1L << Math.min(63, matches.get(n)[2]);
                count++;
            }
            int d = Long.bitCount(distinct);
            if (d > bestDistinct || d == bestDistinct && count > bestCount) {
                bestDistinct = d;
                bestCount = count;
                bestStart = start;
                bestEnd = end;
            }
            m = n;
        }
        Passage passage = new Passage();
        passage.setStartOffset(bestStart);
        passage.setEndOffset(bestEnd);
        int last = -1;
        for (int[] match : matches) {
            // overlapping occurrences (two stems at one position) are marked once
            if (match[0] >= bestStart && match[1] <= bestEnd && match[0] >= last) {
                passage.addMatch(match[0], match[1], null, 1);
                last = match[1];
            }
        }
        return SnippetFormatter.format(passage, text);
    }

    private static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof BodyText body) {
            return body.indexOf(c, from);
        }
        return text.toString().indexOf(c, from);
    }

    private static int lastIndexOf(CharSequence text, char c, int from) {
        if (text instanceof BodyText body) {
            return body.lastIndexOf(c, from);
        }
        return text.toString().lastIndexOf(c, from);
    }
}
