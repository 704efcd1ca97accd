package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.vault.Note;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

class NoteIndexMergeTest {

    private static final List<String> QUERIES = List.of("retrieval", "attention heads", "\"vector search\"", "embedin", "rer",
            "tag:rag chunking");

    private static Map<String, Set<String>> everyMatch(NoteIndex index) throws SearchException {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        for (String query : QUERIES) {
            Set<String> paths = new TreeSet<>();
            index.search(query, 100, null, null).forEach(hit -> paths.add(hit.path()));
            out.put(query, paths);
        }
        return out;
    }

    @Test
    void mergingIntoOneSegmentKeepsEveryMatchAndLaterEditsStillApply() throws Exception {
        Map<String, Note> notes = SearchQualityTest.bundledNotes();
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            List<Note> some = new ArrayList<>(notes.values()).subList(0, 3);
            for (Note note : some) {  // each edit is a segment of its own
                index.update(note);
                index.refresh();
            }
            assertTrue(index.segmentCount() > 1, "segments before: " + index.segmentCount());
            Map<String, Set<String>> before = everyMatch(index);
            assertFalse(before.get("retrieval").isEmpty());

            index.mergeSegments();

            assertEquals(1, index.segmentCount());
            assertEquals(before, everyMatch(index));
            index.delete(some.get(0).path());
            index.refresh();
            assertTrue(index.search(some.get(0).title(), 100, null, null).stream().noneMatch(h -> h.path().equals(some.get(0).path())));
        }
    }
}
