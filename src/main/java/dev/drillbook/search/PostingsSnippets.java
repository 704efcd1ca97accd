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
            Occurrences[] matches = new Occurrences[end - i];
            for (int k = i; k < end; k++) {
                matches[k - i] = new Occurrences();
            }
            collectMatches(leaf, terms, docs, order, i, end, matches);
            for (int k = i; k < end; k++) {
                int hit = order[k];
                out[hit] = best(matches[k - i], text.apply(hit));
            }
            i = end;
        }
        return out;
    }

    /** Adds every occurrence of every term in the docs {@code order[from..to)}. */
    private static void collectMatches(LeafReaderContext leaf, List<BytesRef> terms, int[] docs, Integer[] order, int from, int to,
            Occurrences[] matches) throws IOException {
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
                    matches[k - from].add(postings.startOffset(), postings.endOffset(), t);
                }
            }
        }
    }

    /**
     * The occurrences of query terms in one note, each packed in a long (start, then length, then term) so that
     * sorting them is a sort of primitives: a common word occurs hundreds of times in a long note, and an object
     * per occurrence sorted with a comparator cost more than the rest of the snippet.
     */
    static final class Occurrences {

        private static final int MAX_LENGTH = 0xFFFF;
        private static final int MAX_TERM = 0xFFFF;

        private long[] packed = new long[16];
        private int count;

        /** Records a match of term number {@code term} at {@code [start, end)}; ignores one without offsets. */
        void add(int start, int end, int term) {
            if (start < 0 || end < start) {
                return;
            }
            if (count == packed.length) {
                packed = Arrays.copyOf(packed, count * 2);
            }
            // a longer match first among those starting together (as the overlap rule in best needs)
            long length = MAX_LENGTH - Math.min(end - start, MAX_LENGTH);
            packed[count++] = ((long) start << 32) | (length << 16) | Math.min(term, MAX_TERM);
        }

        int size() {
            return count;
        }

        /** By start, longer first at the same start, then by term. */
        void sort() {
            Arrays.sort(packed, 0, count);
        }

        int start(int i) {
            return (int) (packed[i] >>> 32);
        }

        int end(int i) {
            return start(i) + MAX_LENGTH - (int) ((packed[i] >>> 16) & MAX_LENGTH);
        }

        int term(int i) {
            return (int) (packed[i] & MAX_TERM);
        }
    }

    /** The best paragraph around the matches, formatted; null without matches. */
    static SnippetFormatter.Snippet best(Occurrences matches, CharSequence text) {
        if (matches.size() == 0) {
            return null;
        }
        matches.sort();
        int bestStart = -1;
        int bestEnd = -1;
        int bestDistinct = -1;
        int bestCount = -1;
        int m = 0;
        while (m < matches.size()) {
            int start = lastIndexOf(text, '\n', matches.start(m) - 1) + 1;
            int end = indexOf(text, '\n', matches.start(m));
            end = end < 0 ? text.length() : end;
            long distinct = 1L << Math.min(63, matches.term(m));
            int count = 1;
            // always past the first match, even one beyond the text (a note edited since it was indexed)
            int n = m + 1;
            for (; n < matches.size() && matches.start(n) < end; n++) {
                distinct |= 1L << Math.min(63, matches.term(n));
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
        for (int i = 0; i < matches.size(); i++) {
            // overlapping occurrences (two stems at one position) are marked once
            if (matches.start(i) >= bestStart && matches.end(i) <= bestEnd && matches.start(i) >= last) {
                passage.addMatch(matches.start(i), matches.end(i), null, 1);
                last = matches.end(i);
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
