package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.Parallel;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Notes indexed from several threads at once (as a first open does): every note must be found once, none twice or never. */
class NoteIndexBuildTest {

    private static final String CONSONANTS = "bcdfghjkmnpqrtvwxz";

    /**
     * A word different for every {@code i}, all of the same length (so none is a prefix of another, as the word
     * being typed is matched by prefix) and without vowels, "s" or "y" (so the Porter stemmer leaves it whole).
     */
    private static String code(int i) {
        int n = CONSONANTS.length();
        return "qz" + CONSONANTS.charAt(i / (n * n) % n) + CONSONANTS.charAt(i / n % n) + CONSONANTS.charAt(i % n);
    }

    @Test
    void everyNoteIsIndexedExactlyOnce() throws Exception {
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown(), 1_000_000);
        Map<String, Note> notes = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            String path = "generated/Note " + i + ".md";
            notes.put(path, Note.of(builder.build(path, "Shared words about retrieval and ranking.\n\nIts own word: "
                    + code(i) + ".\n", Instant.EPOCH, 0), List.of(), i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (NoteIndex index = NoteIndex.open(new ByteBuffersDirectory())) {
            Parallel.forEach(pool, new ArrayList<>(notes.values()), note -> {
                try {
                    index.update(note);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            index.refresh();
            NoteSearch search = new NoteSearch(index, p -> Optional.ofNullable(notes.get(p)));

            assertEquals(notes.size(), index.documentCount());
            for (int i = 0; i < notes.size(); i++) {
                List<SearchHit> hits = search.search(code(i), 10, null, null);
                assertEquals(List.of("generated/Note " + i + ".md"), hits.stream().map(SearchHit::path).toList(), code(i));
            }
            assertEquals(Math.min(notes.size(), 100), search.search("retrieval ranking", 100, null, null).size());
        } finally {
            pool.shutdownNow();
        }
    }
}
