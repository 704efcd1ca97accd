package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The adjacent-pair filter may only ever narrow where a phrase's positions are read: every note the phrase matches
 * must get through it, with the phrase's own score.
 */
class AdjacentPairsTest {

    /** Few words, stop words among them, so that most notes have most words and phrases match in some notes only. */
    private static final String[] WORDS = {"dense", "vector", "vectors", "search", "retrieval", "rank", "fusion",
        "model", "models", "the", "of", "and", "in", "query", "index", "latency", "token", "tokens", "cache", "a", "judge",
        "rubric", "graph", "embedding", "chunk", "prompt", "context", "window", "agent", "tool", "memory", "score"};

    private static final NoteBuilder BUILDER = new NoteBuilder(new ObsidianMarkdown());

    private static String randomText(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 17 == 16 ? ".\n\n" : " ");
        }
        return text.toString();
    }

    private static Note note(String path, String body) {
        NameIndex names = new NameIndex();
        names.add(path, List.of());
        return BUILDER.build(path, body, Instant.EPOCH, 0, names);
    }

    /** One segment of {@code count} notes, {@code n/<i>.md} with body {@code body(i)}. */
    private static ByteBuffersDirectory oneSegment(int count, IntFunction<String> body) throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.INDEX))) {
            for (int i = 0; i < count; i++) {
                writer.addDocument(NoteIndex.document(note("n/" + i + ".md", body.apply(i))));
            }
            writer.forceMerge(1);
        }
        return directory;
    }

    /** The body phrase exactly as {@link NoteIndex} builds it, without the filter. */
    private static PhraseQuery phrase(List<Analyzers.Positioned> stems) {
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        for (Analyzers.Positioned stem : stems) {
            builder.add(new Term(Fields.BODY, stem.term()), stem.position());
        }
        return builder.build();
    }

    private static Map<Integer, Float> matches(IndexSearcher searcher, Query query) throws Exception {
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(10_000, null, Integer.MAX_VALUE));
        Map<Integer, Float> scores = new TreeMap<>();
        for (ScoreDoc doc : top.scoreDocs) {
            scores.put(doc.doc, doc.score);
        }
        return scores;
    }

    @Test
    void aPhraseFindsTheSameNotesWithTheSameScoresAsWithoutTheFilter() throws Exception {
        Random random = new Random(7);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.INDEX))) {
            // several segments, small ones (folded slots) among them, with updated and deleted notes
            for (int i = 0; i < 600; i++) {
                writer.addDocument(NoteIndex.document(note("n/" + i + ".md", randomText(random, 20 + random.nextInt(200)))));
                if (i == 300 || i == 590 || i == 597) {
                    writer.commit();
                }
            }
            for (int i = 0; i < 20; i++) {
                String path = "n/" + random.nextInt(600) + ".md";
                writer.updateDocument(new Term(Fields.PATH, path), NoteIndex.document(note(path, randomText(random, 60))));
                writer.deleteDocuments(new Term(Fields.PATH, "n/" + random.nextInt(600) + ".md"));
                writer.commit();
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertTrue(reader.leaves().size() > 3, "several segments: " + reader.leaves().size());
            for (LeafReaderContext leaf : reader.leaves()) {
                PairPostings.of(leaf.reader());  // as the merge warmer does: the lists are there when phrases come
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            int narrowed = 0;
            int found = 0;
            int notFound = 0;
            for (int q = 0; q < 400; q++) {
                int length = 2 + random.nextInt(4);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < length; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                List<Analyzers.Positioned> stems = Analyzers.positioned(Analyzers.STEMMED, text.toString());
                if (stems.size() < 2) {
                    continue;
                }
                PhraseQuery plain = phrase(stems);
                Query filtered = NoteIndex.withAdjacentPairs(plain, stems);
                Map<Integer, Float> expected = matches(searcher, plain);
                assertEquals(expected, matches(searcher, filtered), text.toString());
                if (filtered instanceof BooleanQuery) {
                    narrowed++;
                    found += expected.isEmpty() ? 0 : 1;
                    notFound += expected.isEmpty() ? 1 : 0;
                }
            }
            // the comparison means something only if the filter was used, and phrases both matched and did not
            assertTrue(narrowed > 200, "phrases narrowed: " + narrowed);
            assertTrue(found > 50 && notFound > 50, "narrowed phrases with matches: " + found + ", without: " + notFound);
        }
    }

    @Test
    void untilASegmentsListsAreBuiltAPhraseReadsEveryNotesPositionsAndFindsTheSame() throws Exception {
        Random random = new Random(3);
        ByteBuffersDirectory directory = oneSegment(400, i -> randomText(random, 80));
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReader segment = reader.leaves().get(0).reader();
            assertTrue(segment.maxDoc() > PairPostings.BUILT_IN_SEARCH_UP_TO);
            IndexSearcher searcher = new IndexSearcher(reader);
            List<Analyzers.Positioned> stems = Analyzers.positioned(Analyzers.STEMMED, "rank fusion");
            PhraseQuery plain = phrase(stems);
            Map<Integer, Float> expected = matches(searcher, plain);
            assertFalse(expected.isEmpty());

            assertEquals(null, PairPostings.ifBuilt(segment), "not built yet: the search must do without");
            assertEquals(expected, matches(searcher, NoteIndex.withAdjacentPairs(plain, stems)));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!PairPostings.inMemory(segment) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(PairPostings.inMemory(segment), "built in the background");
            assertTrue(PairPostings.ifBuilt(segment) == PairPostings.of(segment));
            assertEquals(expected, matches(searcher, NoteIndex.withAdjacentPairs(plain, stems)));
        }
    }

    @Test
    void aSegmentClosedBeforeItsBackgroundBuildIsSkipped() throws Exception {
        ByteBuffersDirectory directory = oneSegment(100, i -> "reciprocal rank fusion, note " + i);
        DirectoryReader reader = DirectoryReader.open(directory);
        LeafReader segment = reader.leaves().get(0).reader();
        assertEquals(null, PairPostings.ifBuilt(segment));
        assertTrue(PairPostings.building(segment));
        reader.close();  // as when the first load's segments are merged away
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (PairPostings.building(segment) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(PairPostings.building(segment), "the build ran");
        assertFalse(PairPostings.inMemory(segment), "and skipped the closed segment");
    }

    @Test
    void eachBucketListsExactlyTheNotesWithItsPairsInOrder() throws Exception {
        Random random = new Random(11);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            bodies.add(i % 50 == 0 ? "" : randomText(random, 5 + random.nextInt(120)));
        }
        ByteBuffersDirectory directory = oneSegment(bodies.size(), bodies::get);
        // the reference: each note's adjacent stems, from the query side's own analysis of its body text
        Map<Integer, Set<Integer>> expected = new HashMap<>();
        for (int doc = 0; doc < bodies.size(); doc++) {
            String text = BodyText.of(note("n/" + doc + ".md", bodies.get(doc))).text();
            List<Analyzers.Positioned> stems = Analyzers.positioned(Analyzers.STEMMED, text);
            for (int i = 1; i < stems.size(); i++) {
                if (stems.get(i).position() == stems.get(i - 1).position() + 1) {
                    int bucket = AdjacentPairs.bucket(stems.get(i - 1).term(), stems.get(i).term());
                    expected.computeIfAbsent(bucket, b -> new TreeSet<>()).add(doc);
                }
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReader segment = reader.leaves().get(0).reader();
            assertEquals(bodies.size(), segment.maxDoc());
            PairPostings postings = PairPostings.of(segment);
            int listed = 0;
            for (int bucket = 0; bucket < AdjacentPairs.BUCKETS; bucket++) {
                List<Integer> docs = new ArrayList<>();
                DocIdSetIterator notes = postings.notes(bucket);
                for (int doc = notes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = notes.nextDoc()) {
                    docs.add(doc);
                }
                assertEquals(new ArrayList<>(expected.getOrDefault(bucket, Set.of())), docs, "bucket " + bucket);
                assertEquals(docs.size(), postings.count(bucket));
                listed += docs.size();
            }
            assertTrue(listed > 1000, "pairs listed: " + listed);
        }
    }

    @Test
    void advancingSkipsToTheFirstNoteAtOrAfterTheTarget() throws Exception {
        ByteBuffersDirectory directory = oneSegment(40, i -> i % 3 == 0 ? "rank fusion" : "model cache");
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            PairPostings postings = PairPostings.of(reader.leaves().get(0).reader());
            DocIdSetIterator notes = postings.notes(AdjacentPairs.bucket("rank", "fusion"));
            assertEquals(14, notes.cost());
            assertEquals(6, notes.advance(4));
            assertEquals(6, notes.docID());
            assertEquals(9, notes.nextDoc());
            assertEquals(39, notes.advance(37));
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, notes.advance(40));
        }
    }

    @Test
    void aSegmentsPostingsAreDroppedWithTheSegment() throws Exception {
        ByteBuffersDirectory directory = oneSegment(1, i -> "reciprocal rank fusion");
        DirectoryReader reader = DirectoryReader.open(directory);
        LeafReaderContext leaf = reader.leaves().get(0);
        PairPostings first = PairPostings.of(leaf.reader());
        assertTrue(first == PairPostings.of(leaf.reader()), "built once per segment");
        assertTrue(PairPostings.inMemory(leaf.reader()));
        // a one-note segment folds its buckets onto a small table, and still lists its note under its pairs
        assertEquals(1, first.count(AdjacentPairs.bucket("reciproc", "rank")));
        assertEquals(1, first.count(AdjacentPairs.bucket("rank", "fusion")));
        reader.close();
        assertFalse(PairPostings.inMemory(leaf.reader()));
    }

    @Test
    void phrasesAreFoundAfterEditsAndGoneAfterDeletes() throws Exception {
        Map<String, Note> notes = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            notes.put("n/" + i + ".md", note("n/" + i + ".md", "Dense vector search and rank fusion, note " + i + "."));
        }
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            assertEquals(0, index.search("\"fusion rank\"", 10, null, null).size());
            assertEquals(10, index.search("\"rank fusion\"", 10, null, null).size());

            Note edited = note("n/7.md", "Here the order is fusion rank; the rest of the notes were nothing.");
            notes.put(edited.path(), edited);
            index.update(edited);
            index.refresh();
            assertEquals(List.of("n/7.md"), index.search("\"fusion rank\"", 10, null, null).stream().map(SearchHit::path).toList());
            // a stop word in the phrase leaves a gap, which must stay a gap: no adjacent pair to filter by
            assertInstanceOf(PhraseQuery.class, NoteIndex.withAdjacentPairs(phrase(Analyzers.positioned(Analyzers.STEMMED,
                    "rest of the notes")), Analyzers.positioned(Analyzers.STEMMED, "rest of the notes")));
            assertEquals(List.of("n/7.md"), index.search("\"rest of the notes\"", 10, null, null).stream().map(SearchHit::path).toList());

            index.delete("n/7.md");
            notes.remove("n/7.md");
            index.refresh();
            assertEquals(0, index.search("\"fusion rank\"", 10, null, null).size());
        }
    }
}
