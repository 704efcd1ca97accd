package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The first build shares the notes out between threads: every note must be indexed once, none twice or never. */
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
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
        NameIndex names = new NameIndex();
        Map<String, Note> notes = new LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            String path = "generated/Note " + i + ".md";
            names.add(path, List.of());
            notes.put(path, builder.build(path, "Shared words about retrieval and ranking.\n\nIts own word: " + code(i) + ".\n",
                    Instant.EPOCH, 0, names));
        }
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();

            assertEquals(notes.size(), index.documentCount());
            for (int i = 0; i < notes.size(); i++) {
                List<SearchHit> hits = index.search(code(i), 10, null, null);
                assertEquals(List.of("generated/Note " + i + ".md"), hits.stream().map(SearchHit::path).toList(), code(i));
            }
            assertEquals(Math.min(notes.size(), 100), index.search("retrieval ranking", 100, null, null).size());
        }
    }
}
