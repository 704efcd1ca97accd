package dev.drillbook.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One segment's {@link AdjacentPairs} buckets turned around: for each bucket, the notes that have it, in order.
 * Built in memory from the doc values on first use (or by the merge warmer, before a merged segment is searched)
 * and dropped when Lucene closes the segment.
 *
 * <p>A small segment (an edited note has one of its own until the next merge) folds the buckets onto fewer slots,
 * about {@value #SLOTS_PER_NOTE} per note: a folded slot lets more notes through to the phrase's exact check, which
 * in a segment of a few notes costs nothing, and keeps the slot table from taking a megabyte per edit.
 */
final class PairPostings {

    static final int SLOTS_PER_NOTE = 1024;

    private static final Map<IndexReader.CacheKey, PairPostings> SEGMENTS = new ConcurrentHashMap<>();

    /** {@code bucket & mask} is a bucket's slot. */
    private final int mask;
    /** Where each slot's notes start in {@link #docs}. */
    private final int[] starts;
    /** Where each slot's notes end in {@link #docs}. */
    private final int[] ends;
    private final int[] docs;

    private PairPostings(int mask, int[] starts, int[] ends, int[] docs) {
        this.mask = mask;
        this.starts = starts;
        this.ends = ends;
        this.docs = docs;
    }

    /** The postings of {@code segment}, built now if they are not yet. */
    static PairPostings of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return build(segment);  // a reader without a core to key on: nothing to keep them with
        }
        try {
            return SEGMENTS.computeIfAbsent(helper.getKey(), key -> {
                try {
                    PairPostings built = build(segment);
                    helper.addClosedListener(SEGMENTS::remove);
                    return built;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Whether {@code segment}'s postings are in memory (for tests: they must be dropped with their segment). */
    static boolean inMemory(LeafReader segment) {
        return SEGMENTS.containsKey(segment.getCoreCacheHelper().getKey());
    }

    private static PairPostings build(LeafReader segment) throws IOException {
        long wanted = Math.max(1, (long) segment.maxDoc() * SLOTS_PER_NOTE);
        int slots = wanted >= AdjacentPairs.BUCKETS ? AdjacentPairs.BUCKETS : Integer.highestOneBit((int) wanted) * 2;
        int mask = slots - 1;
        int[] starts = new int[slots + 1];
        BinaryDocValues values = segment.getBinaryDocValues(Fields.BODY_PAIRS);
        if (values == null) {
            return new PairPostings(mask, starts, new int[slots], new int[0]);
        }
        // Two passes over the doc values: count each slot's entries, then place the notes. Notes come in order, so
        // each slot's list is sorted as it fills, and a note's repeated bucket is the last one placed in its slot.
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            BytesRef buckets = values.binaryValue();
            for (int i = 0, n = buckets.length / AdjacentPairs.BYTES_PER_BUCKET; i < n; i++) {
                starts[(AdjacentPairs.decode(buckets.bytes, buckets.offset, i) & mask) + 1]++;
            }
        }
        for (int s = 0; s < slots; s++) {
            starts[s + 1] += starts[s];
        }
        int[] docs = new int[starts[slots]];
        int[] ends = Arrays.copyOf(starts, slots);
        values = segment.getBinaryDocValues(Fields.BODY_PAIRS);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            BytesRef buckets = values.binaryValue();
            for (int i = 0, n = buckets.length / AdjacentPairs.BYTES_PER_BUCKET; i < n; i++) {
                int slot = AdjacentPairs.decode(buckets.bytes, buckets.offset, i) & mask;
                if (ends[slot] == starts[slot] || docs[ends[slot] - 1] != doc) {
                    docs[ends[slot]++] = doc;
                }
            }
        }
        return new PairPostings(mask, starts, ends, docs);
    }

    /** How many notes may have {@code bucket} (all that have it, and in a small segment some others). */
    int count(int bucket) {
        int slot = bucket & mask;
        return ends[slot] - starts[slot];
    }

    /** The notes that may have {@code bucket}, in order. */
    DocIdSetIterator notes(int bucket) {
        int slot = bucket & mask;
        int from = starts[slot];
        int to = ends[slot];
        return new DocIdSetIterator() {
            private int at = from - 1;
            private int doc = -1;

            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return doc = ++at < to ? docs[at] : NO_MORE_DOCS;
            }

            @Override
            public int advance(int target) {
                // the lists are short (tens of notes on the benchmark vault): a linear walk
                do {
                    at++;
                } while (at < to && docs[at] < target);
                return doc = at < to ? docs[at] : NO_MORE_DOCS;
            }

            @Override
            public long cost() {
                return to - from;
            }
        };
    }
}
