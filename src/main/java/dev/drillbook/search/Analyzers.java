package dev.drillbook.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two analyses of the same text, both made of Lucene's own filters: {@code stemmed} (lower-cased, accents folded,
 * English stop words removed, Porter stemmed — "embeddings" and "embedding" meet) for ranking, and {@code exact}
 * (lower-cased and folded only) for matching the word being typed as a prefix, where stems would get in the way.
 */
final class Analyzers {

    static final Analyzer STEMMED = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new EnglishPossessiveFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }
    };

    static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    /** Per field: {@code *_x} fields are exact, everything else stemmed. */
    static final Analyzer INDEX = new PerFieldAnalyzerWrapper(STEMMED, Map.of(
            Fields.TITLE_EXACT, EXACT, Fields.ALIASES_EXACT, EXACT, Fields.HEADINGS_EXACT, EXACT));

    private Analyzers() {
    }

    /** A token and its position, counting the gaps that removed stop words leave. */
    record Positioned(String term, int position) {
    }

    static List<Positioned> positioned(Analyzer analyzer, String text) {
        List<Positioned> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Positioned(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        return positioned(analyzer, text).stream().map(Positioned::term).toList();
    }
}
