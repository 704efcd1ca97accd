package dev.drillbook.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One segment's {@link AdjacentPairs} buckets turned around: for each bucket, the notes that have it, in order.
 * Built in memory from the doc values, by the merge warmer before a merged segment is searched, or in the background
 * when a phrase first meets a segment without them ({@link #ifBuilt}); dropped when Lucene closes the segment.
 *
 * <p>Why not on first use, in the search that needs them: right after a start, the first build's segments had none
 * yet, and the first phrase search built them for the whole vault while the code was still cold: 1.4 s, against
 * 0.36 s for the same first search without the lists (measured on the benchmark vault). Until the lists are there, a
 * phrase reads positions in every note with its words, as it did before them.
 *
 * <p>A small segment (an edited note has one of its own until the next merge) folds the buckets onto fewer slots,
 * about {@value #SLOTS_PER_NOTE} per note: a folded slot lets more notes through to the phrase's exact check, which
 * in a segment of a few notes costs nothing, and keeps the slot table from taking a megabyte per edit.
 */
final class PairPostings {

    static final int SLOTS_PER_NOTE = 1024;

    /** Segments up to this many notes (an edit's, most often) are built in the search itself: it costs microseconds. */
    static final int BUILT_IN_SEARCH_UP_TO = 64;

    /**
     * How long a background build waits before it starts. The segments of a first load are merged into one within
     * seconds, and the merged one gets its lists from the warmer; a segment closed by then is skipped, rather than
     * built while the app is still starting, for nothing.
     */
    static final long BUILD_DELAY_MILLIS = 2_000;

    private static final Logger LOG = Logger.getLogger(PairPostings.class);
    private static final Map<IndexReader.CacheKey, PairPostings> SEGMENTS = new ConcurrentHashMap<>();
    private static final Set<IndexReader.CacheKey> BUILDING = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService BUILDER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "search-phrase-lists");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

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

    /**
     * The postings of {@code segment} if they are built; otherwise null, and they are being built in the background
     * (a small segment's are built now). Null means the caller must do without them.
     */
    static PairPostings ifBuilt(LeafReader segment) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null || segment.maxDoc() <= BUILT_IN_SEARCH_UP_TO) {
            return of(segment);
        }
        IndexReader.CacheKey key = helper.getKey();
        PairPostings built = SEGMENTS.get(key);
        if (built == null && BUILDING.add(key)) {
            BUILDER.schedule(() -> buildInBackground(segment, key), BUILD_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
        return built;
    }

    private static void buildInBackground(LeafReader segment, IndexReader.CacheKey key) {
        if (!segment.tryIncRef()) {
            BUILDING.remove(key);  // closed meanwhile (merged away): nothing to build
            return;
        }
        try {
            of(segment);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Building a search segment's phrase lists failed; phrases there read every note's positions", e);
        } finally {
            BUILDING.remove(key);
            try {
                segment.decRef();
            } catch (IOException e) {
                LOG.debug("Releasing a search segment", e);
            }
        }
    }

    /** Whether {@code segment}'s postings are waiting to be built, or being built, in the background (for tests). */
    static boolean building(LeafReader segment) {
        return BUILDING.contains(segment.getCoreCacheHelper().getKey());
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
