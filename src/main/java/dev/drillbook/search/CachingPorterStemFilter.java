package dev.drillbook.search;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.util.Arrays;

/**
 * Lucene's Porter stemmer with a memory: each word is stemmed once per analysing thread, then looked up.
 *
 * <p>Why: stemming was a fifth of building the index (under the quick JIT, on the benchmark vault), and text
 * repeats its words — a vault of ten thousand notes uses some tens of thousands of distinct ones. The stemming
 * itself is still Lucene's {@link PorterStemFilter}, run on the token when it is not remembered yet, so the
 * stems are the same by construction. Analyzers keep one chain per thread, so the memory needs no locking; it
 * stops growing at {@link #CAPACITY} words (a few MB), and words after that are stemmed each time.
 */
final class CachingPorterStemFilter extends TokenFilter {

    static final int CAPACITY = 50_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final CurrentToken current = new CurrentToken(this);
    private final PorterStemFilter stemmer = new PorterStemFilter(current);
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);

    CachingPorterStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;  // as PorterStemFilter does
        }
        char[] stem = stems.get(term.buffer(), 0, term.length());
        if (stem != null) {
            term.copyBuffer(stem, 0, stem.length);
            return true;
        }
        char[] word = stems.size() < CAPACITY ? Arrays.copyOf(term.buffer(), term.length()) : null;
        current.pending = true;
        stemmer.incrementToken();  // stems the term in place: the two streams share their attributes
        if (word != null) {
            stems.put(word, Arrays.copyOf(term.buffer(), term.length()));
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        current.pending = false;
    }

    /** Hands the token this filter holds to the Porter filter, once. */
    private static final class CurrentToken extends TokenStream {
        boolean pending;

        CurrentToken(AttributeSource shared) {
            super(shared);
        }

        @Override
        public boolean incrementToken() {
            boolean token = pending;
            pending = false;
            return token;
        }
    }
}
