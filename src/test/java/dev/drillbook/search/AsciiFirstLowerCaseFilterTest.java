package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

/** Lucene's {@link LowerCaseFilter} is the reference: the same tokens out for any text. */
class AsciiFirstLowerCaseFilterTest {

    private static Analyzer analyzer(Function<TokenStream, TokenStream> lowerCase) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                WhitespaceTokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, lowerCase.apply(source));
            }
        };
    }

    @Test
    void lowerCasesLikeLucenesFilterForAsciiAccentsOtherScriptsAndSupplementaryLetters() {
        Analyzer reference = analyzer(LowerCaseFilter::new);
        Analyzer fast = analyzer(AsciiFirstLowerCaseFilter::new);
        // ASCII, Latin-1, Turkish dotted I, Greek final sigma, Cyrillic, a Deseret capital (outside the BMP, with a
        // lower case), a mathematical bold A (outside the BMP, without one), digits and punctuation
        String[] pieces = {"RAG", "BM25", "ColBERT", "É", "ÀÉÎÕÜ", "İ", "ΣΊΣΥΦΟΣ", "ЖУРНАЛ", "\uD801\uDC00", "\uD835\uDC00", "x-Y_z",
            "Ünïcödé", "日本語", "A", "z", "@", "\u00DF"};
        assertEquals(Analyzers.tokens(reference, String.join(" ", pieces)), Analyzers.tokens(fast, String.join(" ", pieces)));
        Random random = new Random(5);
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 20; k++) {
                String piece = pieces[random.nextInt(pieces.length)];
                text.append(random.nextBoolean() ? piece : piece.toLowerCase()).append(random.nextInt(4) == 0 ? " " : "");
            }
            assertEquals(Analyzers.tokens(reference, text.toString()), Analyzers.tokens(fast, text.toString()), text.toString());
        }
    }
}
