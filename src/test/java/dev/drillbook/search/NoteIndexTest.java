package dev.drillbook.search;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.NoteContent;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vault index on disk: what is committed comes back whole; anything else is emptied and says why. */
class NoteIndexTest {

    @TempDir
    Path dir;

    private final NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown(), 1_000_000);

    private Note note(String path, String text) {
        return Note.of(builder.build(path, text, Instant.parse("2026-01-02T03:04:05.123456789Z"), text.length()), List.of(), 1);
    }

    @Test
    void committedNotesComeBackWholeAndSearchable() throws Exception {
        Note rag = note("rag/RAG.md", "---\ntitle: Retrieval\naliases: [RAG]\ntags: [llm]\nlevel: 3\n---\n"
                + "# Chunking\nSplit by [[Headings|heading]] and #retrieval. ^block\n\n$$x^2$$\n");
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            index.update(rag);
            index.update(note("gone.md", "deleted before commit"));
            index.delete("gone.md");
            index.commit();
        }
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertNull(index.rebuiltBecause());
            assertEquals(1, index.stored().size());
            NoteContent back = index.stored().get(0);
            assertEquals(rag.content(), back, "every field, facts included, survives the round trip");
            index.refresh();
            NoteSearch search = new NoteSearch(index, p -> p.equals(back.path())
                    ? Optional.of(Note.of(back, List.of(), 1)) : Optional.empty());
            assertEquals(List.of("rag/RAG.md"), search.search("chunking", 10, null, null).stream().map(SearchHit::path).toList());
        }
    }

    @Test
    void uncommittedWorkIsNotSeenAfterACrash() throws IOException {
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            index.update(note("a.md", "one"));
            index.commit();
            index.update(note("b.md", "two"));
            // no commit: as if the process were killed here
        }
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertEquals(List.of("a.md"), index.stored().stream().map(NoteContent::path).toList());
        }
    }

    @Test
    void anIndexWrittenWithAnotherSchemaIsEmptiedAndSaysWhy() throws IOException {
        writeForeign(Map.of("schema", "drillbook-vault-index-1/parser-0"));
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertTrue(index.stored().isEmpty());
            assertEquals("it was written by another version of Drillbook", index.rebuiltBecause());
            assertEquals(0, index.documentCount());
        }
    }

    @Test
    void aForeignIndexIsEmptiedAndSaysWhy() throws IOException {
        writeForeign(Map.of());
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertTrue(index.stored().isEmpty());
            assertEquals("the folder held an index that Drillbook did not write", index.rebuiltBecause());
        }
    }

    @Test
    void aCorruptIndexIsEmptiedAndSaysWhy() throws IOException {
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            index.update(note("a.md", "one"));
            index.commit();
        }
        try (Directory directory = FSDirectory.open(dir)) {
            for (String file : directory.listAll()) {
                if (file.endsWith(".cfs") || file.endsWith(".fdt") || file.endsWith(".si")) {
                    directory.deleteFile(file);
                    try (IndexOutput out = directory.createOutput(file, IOContext.DEFAULT)) {
                        out.writeString("not a segment");
                    }
                }
            }
        }
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertTrue(index.stored().isEmpty());
            assertTrue(index.rebuiltBecause().startsWith("it could not be read"), index.rebuiltBecause());
            index.update(note("b.md", "two"));
            index.commit();
        }
        try (NoteIndex index = NoteIndex.open(FSDirectory.open(dir))) {
            assertEquals(List.of("b.md"), index.stored().stream().map(NoteContent::path).toList(), "usable again");
        }
    }

    private void writeForeign(Map<String, String> userData) throws IOException {
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("path", "x.md", Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }
    }
}
