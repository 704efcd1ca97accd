package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.vault.Note;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

class CachingPorterStemFilterTest {

    /** Analyzers.STEMMED's chain, "running" marked as a keyword (not stemmed, remembered or not), then {@code stemmer}. */
    private static Analyzer chain(UnaryOperator<TokenStream> stemmer) {
        return Analyzers.stemmed(stream -> stemmer.apply(
                new SetKeywordMarkerFilter(stream, new org.apache.lucene.analysis.CharArraySet(List.of("running"), false))));
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "/" + increment.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end " + offset.endOffset());
        }
        return out;
    }

    @Test
    void stemsExactlyAsLucenesPorterFilterDoesFirstTimeAndRemembered() throws Exception {
        Analyzer reference = chain(PorterStemFilter::new);
        Analyzer cached = chain(CachingPorterStemFilter::new);
        List<String> texts = new ArrayList<>();
        for (Note note : SearchQualityTest.bundledNotes().values()) {
            texts.add(note.title() + "\n" + BodyText.of(note).text());
        }
        texts.add("Running runners ran; the running of generalizations, relational conditional hopefulness. "
                + "Café naïve résumé's owners' o'neill ﬁnal 3.14 e.g. U.S.A. 東京 données");
        int tokens = 0;
        for (int pass = 0; pass < 2; pass++) {  // the second pass is served from memory
            for (String text : texts) {
                List<String> expected = tokens(reference, text);
                assertEquals(expected, tokens(cached, text), text.substring(0, Math.min(60, text.length())));
                tokens += expected.size();
            }
        }
        assertTrue(tokens > 10_000, "tokens compared: " + tokens);
    }

    @Test
    void pastItsCapacityItStillStems() throws Exception {
        Analyzer reference = chain(PorterStemFilter::new);
        Analyzer cached = chain(CachingPorterStemFilter::new);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < CachingPorterStemFilter.CAPACITY + 2_000; i++) {
            words.append("w").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append(i % 3 == 0 ? "ings " : "ed ");
        }
        String text = words.toString();
        assertEquals(tokens(reference, text), tokens(cached, text));
        assertEquals(tokens(reference, text), tokens(cached, text));
    }
}
