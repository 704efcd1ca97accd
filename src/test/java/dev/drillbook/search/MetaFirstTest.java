package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class MetaFirstTest {

    /** Every note of the bundled vault, in two segments (the bound is taken per segment). */
    private static IndexSearcher bundledSearcher(ByteBuffersDirectory directory) throws Exception {
        List<Note> notes = new ArrayList<>(SearchQualityTest.bundledNotes().values());
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.INDEX))) {
            for (int i = 0; i < notes.size(); i++) {
                writer.addDocument(NoteIndex.document(notes.get(i)));
                if (i == notes.size() / 2) {
                    writer.commit();
                }
            }
        }
        return new IndexSearcher(DirectoryReader.open(directory));
    }

    /** Lucene's exact top documents of a query: every match counted, no shortcut. */
    private static TopDocs exact(IndexSearcher searcher, Query query, int max) throws Exception {
        return searcher.search(query, new TopScoreDocCollectorManager(max, null, Integer.MAX_VALUE));
    }

    @Test
    void theNarrowedSearchGivesExactlyTheFullQuerysPage() throws Exception {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexSearcher searcher = bundledSearcher(directory);
        Set<String> words = new LinkedHashSet<>();
        for (Note note : SearchQualityTest.bundledNotes().values()) {
            for (String word : note.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    words.add(word);
                }
            }
        }
        List<String> vocabulary = new ArrayList<>(words).subList(0, Math.min(words.size(), 40));
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            for (int j = i + 1; j < vocabulary.size(); j += 4) {
                queries.add(vocabulary.get(i) + " " + vocabulary.get(j));                          // two words
                queries.add(vocabulary.get(i) + " \"" + vocabulary.get(j) + " model\"");          // a word and a phrase
                queries.add(vocabulary.get(i) + " " + vocabulary.get(j) + " " + vocabulary.get((i + j) % vocabulary.size()).substring(0, 3));
            }
        }
        int settled = 0;
        int fellBack = 0;
        for (String text : queries) {
            for (boolean relaxed : new boolean[] {false, true}) {
                for (int max : new int[] {1, 10}) {
                    MetaFirst parts = new MetaFirst();
                    Query query = NoteIndex.build(SearchQuery.parse(text), null, null, relaxed, false, parts);
                    TopDocs got = parts.top(searcher, query, max);
                    TopDocs expected = exact(searcher, query, max);
                    String where = "\"" + text + "\" relaxed=" + relaxed + " max=" + max;
                    assertEquals(expected.scoreDocs.length, got.scoreDocs.length, where);
                    for (int k = 0; k < got.scoreDocs.length; k++) {
                        assertEquals(expected.scoreDocs[k].doc, got.scoreDocs[k].doc, where + " rank " + k);
                        assertEquals(expected.scoreDocs[k].score, got.scoreDocs[k].score, 1e-5, where + " rank " + k);
                    }
                    if (parts.settledByMeta()) {
                        settled++;
                    } else {
                        fellBack++;
                    }
                }
            }
        }
        // both ways must have been taken, or this test proved half of nothing
        assertTrue(settled > 100, "settled by the narrowed search: " + settled);
        assertTrue(fellBack > 100, "fell back to the full query: " + fellBack);
        searcher.getIndexReader().close();
    }

    /**
     * Two words common in titles but rare in bodies: the notes with a title match score little (low idf), the one
     * note using both words in its body scores much more — it must come first, although it has no title match.
     */
    @Test
    void aNoteMatchingOnlyInItsBodyStillComesFirstWhenItOutscoresTheTitleMatches() throws Exception {
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
        NameIndex names = new NameIndex();
        Map<String, Note> notes = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String path = "titled/Alpha beta " + i + ".md";
            names.add(path, List.of());
            notes.put(path, builder.build(path, "Filler words about gamma number " + i + ".\n", Instant.EPOCH, 0, names));
        }
        String body = "body/Unrelated heading.md";
        notes.put(body, builder.build(body, "Alpha beta, then alpha and beta again: alpha beta.\n", Instant.EPOCH, 0, names));

        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            List<SearchHit> hits = index.search("alpha beta", 5, null, null);
            assertEquals(body, hits.get(0).path(), "hits: " + hits.stream().map(SearchHit::path).toList());
            assertEquals(5, hits.size());
        }

        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.INDEX))) {
            for (Note note : notes.values()) {
                writer.addDocument(NoteIndex.document(note));
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            MetaFirst parts = new MetaFirst();
            Query query = NoteIndex.build(SearchQuery.parse("alpha beta"), null, null, false, false, parts);
            TopDocs top = parts.top(searcher, query, 5);
            assertFalse(parts.settledByMeta(), "the title matches score under the body bound, so the full query must run");
            assertEquals(exact(searcher, query, 5).scoreDocs[0].doc, top.scoreDocs[0].doc);
        }
    }

    /**
     * Long queries: the narrowed query holds the meta clauses twice, fuzzy matching expands each word into dozens of
     * terms, and Lucene refuses a query of over 1,024 clauses. None of that may surface as anything but hits or a
     * clear message.
     */
    @Test
    void longQueriesGiveHitsOrAClearMessage() throws Exception {
        Map<String, Note> notes = SearchQualityTest.bundledNotes();
        List<String> titleWords = new ArrayList<>();
        for (Note note : notes.values()) {
            for (String word : note.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() >= 5 && !titleWords.contains(word)) {
                    titleWords.add(word);
                }
            }
        }
        StringBuilder words = new StringBuilder();
        StringBuilder typos = new StringBuilder();
        for (String word : titleWords.subList(0, SearchQuery.MAX_WORDS)) {
            words.append(word).append(' ');
            typos.append(word, 0, word.length() - 2).append(word.charAt(word.length() - 1)).append(word.charAt(word.length() - 2)).append(' ');
        }
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            // 32 title words: no note has them all, so half of them will do
            assertFalse(index.search(words.toString().strip(), 10, null, null).isEmpty());
            // 32 misspelt words: the pass for words within one typo runs, and no note has half of them
            assertTrue(index.search(typos.toString().strip(), 10, null, null).isEmpty());
            SearchException tooMany = org.junit.jupiter.api.Assertions.assertThrows(SearchException.class,
                    () -> index.search(words + " one more", 10, null, null));
            assertTrue(tooMany.getMessage().contains("at most " + SearchQuery.MAX_WORDS + " words"), tooMany.getMessage());
            // few words, but each hyphenated into many: over Lucene's clause limit, said plainly
            // groups of 22 different letters, each group leaving out other ones (identical groups would be merged)
            StringBuilder hyphenated = new StringBuilder();
            for (int group = 0; hyphenated.length() + 45 < SearchQuery.MAX_LENGTH; group++) {
                hyphenated.append(' ');
                for (int letter = 0; letter < 24; letter++) {
                    if (letter != group % 24 && letter != (group + 1) % 24) {
                        hyphenated.append((char) ('b' + letter)).append('-');
                    }
                }
            }
            SearchException clauses = org.junit.jupiter.api.Assertions.assertThrows(SearchException.class,
                    () -> index.search(hyphenated.substring(1), 10, null, null));
            assertTrue(clauses.getMessage().contains("too many words"), clauses.getMessage());
        }
    }

    /**
     * Words that are in no note but have dozens of near terms each: the pass for words within one typo would hold
     * over 1,024 clauses. It is skipped, and the search answers without it.
     */
    @Test
    void nearTermsOverTheClauseLimitSkipTheTypoPass() throws Exception {
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
        NameIndex names = new NameIndex();
        Map<String, Note> notes = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        for (int w = 0; w < SearchQuery.MAX_WORDS; w++) {
            String base = "m" + (char) ('a' + w / 26) + (char) ('a' + w % 26) + "xqz";
            typed.add(base);
            StringBuilder body = new StringBuilder();
            for (char c = 'a'; c <= 'y'; c++) {  // 25 words one letter away at the end, 25 one letter away before it
                body.append(base, 0, base.length() - 1).append(c == base.charAt(base.length() - 1) ? 'y' : c).append(' ');
                body.append(base, 0, base.length() - 2).append(c).append(base.charAt(base.length() - 1)).append(' ');
            }
            String path = "near/Note " + w + ".md";
            names.add(path, List.of());
            notes.put(path, builder.build(path, body + "\n", Instant.EPOCH, 0, names));
        }
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            assertTrue(index.search(String.join(" ", typed), 10, null, null).isEmpty());
            // one such word alone is found through its near terms
            assertFalse(index.search(typed.get(0), 10, null, null).isEmpty());
        }
    }
}
