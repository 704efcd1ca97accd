package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }

    @Test
    void lowerCasesLikeLucenesFilterForAsciiAccentsOtherScriptsAndSupplementaryLetters() throws IOException {
        Analyzer reference = analyzer(LowerCaseFilter::new);
        Analyzer fast = analyzer(AsciiFirstLowerCaseFilter::new);
        // ASCII, Latin-1, Turkish dotted I, Greek final sigma, Cyrillic, a Deseret capital (outside the BMP, with a
        // lower case), a mathematical bold A (outside the BMP, without one), digits and punctuation
        String[] pieces = {"RAG", "BM25", "ColBERT", "É", "ÀÉÎÕÜ", "İ", "ΣΊΣΥΦΟΣ", "ЖУРНАЛ", "\uD801\uDC00", "\uD835\uDC00", "x-Y_z",
            "Ünïcödé", "日本語", "A", "z", "@", "\u00DF"};
        assertEquals(tokens(reference, String.join(" ", pieces)), tokens(fast, String.join(" ", pieces)));
        Random random = new Random(5);
        for (int n = 0; n < 500; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 20; k++) {
                String piece = pieces[random.nextInt(pieces.length)];
                text.append(random.nextBoolean() ? piece : piece.toLowerCase()).append(random.nextInt(4) == 0 ? " " : "");
            }
            assertEquals(tokens(reference, text.toString()), tokens(fast, text.toString()), text.toString());
        }
    }
}
