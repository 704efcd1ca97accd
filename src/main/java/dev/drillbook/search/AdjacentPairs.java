package dev.drillbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Arrays;

/**
 * Which pairs of stems stand next to each other in a note's body, hashed into {@value #BUCKETS} buckets: what lets a
 * quoted phrase skip the notes that cannot contain it.
 *
 * <p>Why: a phrase is checked by reading the positions of its words in every note that has all of them, and finding
 * those notes walks the postings of each word; where the words are common that is most notes (on the benchmark vault
 * a quoted two-word phrase cost more than twice any other kind of query). The notes whose body has a pair's bucket
 * are few, so a phrase walks those instead ({@link PairPostings}). A bucket shared with other pairs only lets a note
 * through to the exact check, so results are the same as without it.
 *
 * <p>Each note's buckets are a doc value (three bytes each), written from the body's own analysis
 * ({@link Recorder}), so the body is analysed once. Indexing each pair as a term of its own (as Elasticsearch's
 * {@code index_phrases} does) made phrases as fast, but inverting ~400 pairs per note added 2.3–2.8 s to the first
 * build, and 1.3–1.6 s even as bucket terms without positions; a doc value is appended as it is, and turned into
 * postings in memory per segment ({@link PairPostings}).
 */
final class AdjacentPairs {

    static final int BITS = 18;
    static final int BUCKETS = 1 << BITS;
    static final int BYTES_PER_BUCKET = 3;

    private AdjacentPairs() {
    }

    /** The bucket of two stems that stand next to each other, from each stem's {@link String#hashCode()}. */
    static int bucket(int first, int second) {
        long h = ((long) first << 32) ^ (second & 0xFFFFFFFFL);
        // MurmurHash3's 64-bit finaliser: similar pairs land in unrelated buckets
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) (h >>> (64 - BITS));
    }

    static int bucket(String first, String second) {
        return bucket(first.hashCode(), second.hashCode());
    }

    /**
     * The first {@code count} buckets, three bytes each (big-endian), as they came: repeats are dropped when the
     * postings are built, where that costs less than sorting each note's list while the index is built.
     */
    static byte[] encode(int[] buckets, int count) {
        byte[] out = new byte[count * BYTES_PER_BUCKET];
        for (int i = 0, at = 0; i < count; i++) {
            out[at++] = (byte) (buckets[i] >>> 16);
            out[at++] = (byte) (buckets[i] >>> 8);
            out[at++] = (byte) buckets[i];
        }
        return out;
    }

    /** The {@code index}-th bucket of an {@link #encode encoded} list starting at {@code offset}. */
    static int decode(byte[] bytes, int offset, int index) {
        int at = offset + index * BYTES_PER_BUCKET;
        return (bytes[at] & 0xFF) << 16 | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF);
    }

    /**
     * The body field, analysed as the index analyser analyses {@link Fields#BODY}, recording its adjacent pairs on the
     * way; {@link #bucketsField()} then stores them. Lucene processes a document's fields in the order they were added,
     * so the buckets must come after the body (were they not, no phrase would be found, and the tests would fail).
     */
    static final class Recorder {

        private int[] buckets = new int[256];
        private int count;

        Field bodyField(String name, String text, FieldType type) {
            return new Field(name, text, type) {
                @Override
                public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                    count = 0;
                    return new Recording(analyzer.tokenStream(name(), text));
                }
            };
        }

        Field bucketsField() {
            return new BinaryDocValuesField(Fields.BODY_PAIRS, new BytesRef()) {
                @Override
                public BytesRef binaryValue() {
                    return new BytesRef(encode(buckets, count));
                }
            };
        }

        private void add(int bucket) {
            if (count == buckets.length) {
                buckets = Arrays.copyOf(buckets, count * 2);
            }
            buckets[count++] = bucket;
        }

        /** Passes the body's tokens through unchanged and notes the bucket of each adjacent pair. */
        private final class Recording extends TokenFilter {

            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private boolean hasPrevious;
            private int previous;

            Recording(TokenStream input) {
                super(input);
            }

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                // the same value as String.hashCode of the stem, which the query side uses
                char[] chars = term.buffer();
                int hash = 0;
                for (int i = 0, n = term.length(); i < n; i++) {
                    hash = 31 * hash + chars[i];
                }
                // a removed stop word leaves a gap: the words around it are not adjacent
                if (hasPrevious && increment.getPositionIncrement() == 1) {
                    add(bucket(previous, hash));
                }
                hasPrevious = true;
                previous = hash;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                hasPrevious = false;
            }
        }
    }
}
