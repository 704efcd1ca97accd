package dev.drillbook.grading;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Content words of a text for lexical grading: lower-cased, accents folded, function words dropped, Porter-stemmed
 * (so "caches", "cached" and "caching" meet). Thread-safe.
 */
final class Terms {

    /** Lucene's English stop words plus the glue words of explanations, which say nothing about coverage. */
    private static final CharArraySet STOP = stopWords();

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new StopFilter(stream, STOP);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private Terms() {
    }

    /** Stems in text order, repeats kept. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whitespace-separated words, for length measures that should not depend on the stop list. */
    static int wordCount(String text) {
        if (text == null) {
            return 0;
        }
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String w : ("about above after again all also am any because been before being below between both can could did do "
                + "does doing down during each few from further had has have having he her here hers him his how i its itself just "
                + "me more most my myself nor now off once only other our ours out over own same she should so some than that's "
                + "them themselves then there's these those through too under until up us very we what when where which while who "
                + "whom why would you your yours one two use used uses using make makes also get gets way ways thing things e.g "
                + "eg i.e ie etc").split(" ")) {
            set.add(w);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
