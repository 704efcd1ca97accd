package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** The direct one-edit check against Lucene's own Levenshtein automaton, which is the reference. */
class OneEditQueryTest {

    private static final String[] WORDS = {"attention", "retrieval", "rerank", "ab", "kv", "naïve", "résumé", "日本語の", "ñandú", "cache"};

    /** Every single edit of a word, some double ones and some unrelated words. */
    private static Set<String> candidates(String word, Random random) {
        Set<String> out = new LinkedHashSet<>(List.of(word, "", "x", word + word, word.substring(1), "z" + word));
        int[] cps = word.codePoints().toArray();
        int[] alphabet = {'a', 'e', 'n', 't', 'z', 'é', '語', word.codePointAt(0)};
        for (int i = 0; i <= cps.length; i++) {
            if (i < cps.length) {
                out.add(build(cps, i, 1, new int[0]));  // deletion
                if (i + 1 < cps.length) {
                    out.add(build(cps, i, 2, new int[] {cps[i + 1], cps[i]}));  // swap of neighbours
                }
            }
            for (int c : alphabet) {
                out.add(build(cps, i, 0, new int[] {c}));  // insertion
                if (i < cps.length) {
                    out.add(build(cps, i, 1, new int[] {c}));  // substitution
                }
            }
        }
        List<String> singles = new ArrayList<>(out);
        for (int k = 0; k < 40; k++) {  // two edits
            String once = singles.get(random.nextInt(singles.size()));
            Set<String> again = once.isEmpty() ? Set.of() : candidatesOnce(once, random);
            out.addAll(again);
        }
        return out;
    }

    private static Set<String> candidatesOnce(String word, Random random) {
        int[] cps = word.codePoints().toArray();
        int i = random.nextInt(cps.length);
        return Set.of(build(cps, i, 1, new int[0]), build(cps, i, 1, new int[] {'q'}), build(cps, i, 0, new int[] {'o'}));
    }

    private static String build(int[] cps, int at, int remove, int[] insert) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < at; k++) {
            out.appendCodePoint(cps[k]);
        }
        for (int c : insert) {
            out.appendCodePoint(c);
        }
        for (int k = at + remove; k < cps.length; k++) {
            out.appendCodePoint(cps[k]);
        }
        return out.toString();
    }

    @Test
    void theDirectCheckAcceptsExactlyWhatTheAutomatonAccepts() {
        Random random = new Random(7);
        int accepted = 0;
        int checked = 0;
        for (String word : WORDS) {
            CompiledAutomaton automaton = FuzzyQuery.getFuzzyAutomaton(word, 1, OneEditQuery.PREFIX_LENGTH, true);
            int[] a = word.codePoints().toArray();
            for (String candidate : candidates(word, random)) {
                BytesRef bytes = new BytesRef(candidate);
                boolean expected = automaton.runAutomaton.run(bytes.bytes, bytes.offset, bytes.length);
                int[] b = candidate.codePoints().toArray();
                assertEquals(expected, OneEditQuery.withinOneEdit(a, a.length, b, b.length), word + " → " + candidate);
                accepted += expected ? 1 : 0;
                checked++;
            }
        }
        assertTrue(accepted > 200 && accepted < checked - 200, accepted + " of " + checked + " accepted: both kinds are covered");
    }

    /** Terms and boosts of the query's enum over one field. */
    private static Map<String, Float> enumerate(OneEditQuery query, Terms terms) throws IOException {
        Map<String, Float> out = new TreeMap<>();
        TermsEnum e = query.getTermsEnum(terms, new AttributeSource());
        BoostAttribute boost = e.attributes().addAttribute(BoostAttribute.class);
        for (BytesRef term = e.next(); term != null; term = e.next()) {
            out.put(term.utf8ToString(), boost.getBoost());
        }
        return out;
    }

    @Test
    void smallAndLargeDictionariesGiveTheSameTermsAndBoosts() throws IOException {
        Random random = new Random(11);
        Set<String> small = new LinkedHashSet<>();
        for (String word : WORDS) {
            small.addAll(candidates(word, random));
        }
        small.remove("");
        Set<String> large = new LinkedHashSet<>(small);
        while (large.size() <= OneEditQuery.SCAN_LIMIT) {  // filler, so the same field is too big to walk
            large.add("filler" + large.size());
        }
        for (Set<String> vocabulary : List.of(small, large)) {
            try (Directory dir = new ByteBuffersDirectory()) {
                try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                    for (String term : vocabulary) {
                        Document doc = new Document();
                        doc.add(new StringField("f", term, Field.Store.NO));
                        writer.addDocument(doc);
                    }
                    writer.forceMerge(1);
                }
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    Terms terms = MultiTerms.getTerms(reader, "f");
                    assertEquals(vocabulary.size(), terms.size());
                    for (String word : WORDS) {
                        var automaton = OneEditQuery.automaton(word);
                        Map<String, Float> actual = enumerate(new OneEditQuery("f", word, automaton), terms);
                        Map<String, Float> expected = new TreeMap<>();
                        for (String term : small) {
                            BytesRef bytes = new BytesRef(term);
                            if (automaton.get().runAutomaton.run(bytes.bytes, bytes.offset, bytes.length)) {
                                int length = Math.min(term.codePointCount(0, term.length()), word.codePointCount(0, word.length()));
                                expected.put(term, term.equals(word) ? 1f : 1f - 1f / length);
                            }
                        }
                        assertEquals(expected, actual, word + " in " + vocabulary.size() + " terms");
                    }
                }
            }
        }
    }
}
