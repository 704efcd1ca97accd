package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

class TypedPrefixQueryTest {

    private static final List<String> TEXTS = List.of("embed", "embedding models", "embeddings", "embark ember", "emu",
            "zebra", "em", "e", "embedded embed", "réseau résumé", "a b c", "");

    private static Directory index() throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Analyzers.EXACT))) {
            for (int i = 0; i < TEXTS.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField("id", String.valueOf(i), Field.Store.YES));
                doc.add(new TextField("f", TEXTS.get(i), Field.Store.NO));
                writer.addDocument(doc);
                if (i % 4 == 3) {
                    writer.flush();  // several segments, as a live index has
                }
            }
        }
        return dir;
    }

    private static Set<String> matches(IndexSearcher searcher, Query query) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
            ids.add(TEXTS.get(Integer.parseInt(searcher.storedFields().document(hit.doc).get("id"))));
        }
        return ids;
    }

    @Test
    void matchesWhatLucenesPrefixQueryMatchesForEveryPrefixOfEveryWord() throws IOException {
        try (Directory dir = index(); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Set<String> prefixes = new TreeSet<>(List.of("zz", "ê", "f"));
            for (String text : TEXTS) {
                for (String word : text.split(" ")) {
                    for (int end = 1; end <= word.length(); end++) {
                        prefixes.add(word.substring(0, end));
                    }
                }
            }
            for (String prefix : prefixes) {
                Set<String> expected = matches(searcher, new PrefixQuery(new Term("f", prefix)));
                Set<String> actual = matches(searcher,
                        new TypedPrefixQuery("f", prefix, false, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE));
                assertEquals(expected, actual, "prefix " + prefix);
            }
        }
    }

    @Test
    void longerOnlyLeavesOutTheWordItself() throws IOException {
        try (Directory dir = index(); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertEquals(new TreeSet<>(List.of("embedding models", "embeddings", "embedded embed")),
                    matches(searcher, new TypedPrefixQuery("f", "embed", true, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE)));
            assertEquals(new TreeSet<>(List.of("embed", "embedding models", "embeddings", "embedded embed")),
                    matches(searcher, new TypedPrefixQuery("f", "embed", false, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE)));
            assertTrue(matches(searcher, new TypedPrefixQuery("f", "emu", true, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE)).isEmpty());
        }
    }

    @Test
    void whatItMatchesIsWhatAVisitorIsTold() {
        java.util.Map<Boolean, org.apache.lucene.util.automaton.ByteRunAutomaton> told = new java.util.HashMap<>();
        for (boolean longerOnly : new boolean[] {false, true}) {
            new TypedPrefixQuery("f", "embed", longerOnly, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE)
                    .visit(new org.apache.lucene.search.QueryVisitor() {
                        @Override
                        public void consumeTermsMatching(Query query, String field,
                                java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                            told.put(longerOnly, automaton.get());
                        }
                    });
        }
        for (String term : List.of("embed", "embeds", "embedding", "embark", "emb", "zebra")) {
            org.apache.lucene.util.BytesRef bytes = new org.apache.lucene.util.BytesRef(term);
            boolean prefixed = term.startsWith("embed");
            assertEquals(prefixed, told.get(false).run(bytes.bytes, bytes.offset, bytes.length), term);
            assertEquals(prefixed && !term.equals("embed"), told.get(true).run(bytes.bytes, bytes.offset, bytes.length), term);
        }
    }
}
