package dev.drillbook.search;

import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteContent;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The vault index: one Lucene document per note, holding both what search needs (title, aliases, headings, tags and
 * readable body, analysed) and the note's whole {@link NoteContent} (stored), so that a restart serves every note
 * without reading or parsing its file again. Each commit records the schema it was written with; an index of another
 * schema or parser version, or one that cannot be read, is emptied and built again.
 */
public final class NoteIndex implements Closeable {

    /** What a commit's user data must say for its documents to be used as they are. */
    static final String SCHEMA = "drillbook-vault-index-1/parser-" + ObsidianMarkdown.VERSION;
    private static final String SCHEMA_KEY = "schema";

    /** Body text with offsets in the postings, so snippets are cut without analysing the text again. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final List<NoteContent> stored;
    private final String rebuiltBecause;

    private NoteIndex(Directory directory, IndexWriter writer, List<NoteContent> stored, String rebuiltBecause) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.stored = stored;
        this.rebuiltBecause = rebuiltBecause;
    }

    /**
     * Opens the index in {@code directory}: keeps its notes if it was written with this {@link #SCHEMA} and reads
     * back whole, and empties it otherwise (see {@link #rebuiltBecause()}).
     */
    public static NoteIndex open(Directory directory) throws IOException {
        String reason = null;
        List<NoteContent> stored = List.of();
        if (DirectoryReader.indexExists(directory)) {
            try {
                String schema = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
                if (SCHEMA.equals(schema)) {
                    stored = readStored(directory);
                } else {
                    reason = schema == null ? "the folder held an index that Drillbook did not write"
                            : "it was written by another version of Drillbook";
                }
            } catch (IOException | RuntimeException e) {
                reason = "it could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
            if (reason != null) {
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.INDEX)
                .setOpenMode(reason == null && !stored.isEmpty() ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCommitOnClose(false);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
        return new NoteIndex(directory, writer, stored, reason);
    }

    private static List<NoteContent> readStored(Directory directory) throws IOException {
        List<NoteContent> out = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        BytesRef bytes = fields.document(doc, Set.of(Fields.CONTENT)).getBinaryValue(Fields.CONTENT);
                        out.add(NoteCodec.decode(bytes.bytes, bytes.offset, bytes.length));
                    }
                }
            }
        }
        return out;
    }

    /** The notes as the index held them when opened; empty for a new or rebuilt index. */
    public List<NoteContent> stored() {
        return stored;
    }

    /** Why an index found in the folder was emptied, or null. */
    public String rebuiltBecause() {
        return rebuiltBecause;
    }

    /** Adds the note, or replaces what the index holds for its path. */
    public void update(Note note) throws IOException {
        writer.updateDocument(new Term(Fields.PATH, note.path()), document(note));
    }

    public void delete(String path) throws IOException {
        writer.deleteDocuments(new Term(Fields.PATH, path));
    }

    /** Makes changes so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Writes changes so far to disk, with the schema: after a crash the next start finds them. */
    public void commit() throws IOException {
        if (writer.hasUncommittedChanges()) {
            writer.commit();
        }
    }

    /** How many notes searches see now. */
    int documentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    static Document document(Note note) {
        Document doc = new Document();
        doc.add(new StringField(Fields.PATH, note.path(), Field.Store.YES));
        String folder = note.folder();
        if (!folder.isEmpty()) {
            StringBuilder prefix = new StringBuilder();
            for (String part : folder.toLowerCase(Locale.ROOT).split("/")) {
                prefix.append(prefix.length() == 0 ? "" : "/").append(part);
                doc.add(new StringField(Fields.FOLDER, prefix.toString(), Field.Store.NO));
            }
        }
        Set<String> tagKeys = new LinkedHashSet<>();
        for (String tag : note.tags()) {
            Tags.selfAndParents(tag).forEach(t -> tagKeys.add(Tags.key(t)));
        }
        tagKeys.forEach(t -> doc.add(new StringField(Fields.TAG, t, Field.Store.NO)));
        doc.add(new TextField(Fields.TITLE, note.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE_EXACT, note.title(), Field.Store.NO));
        String aliases = String.join("\n", note.aliases());
        doc.add(new TextField(Fields.ALIASES, aliases, Field.Store.NO));
        doc.add(new TextField(Fields.ALIASES_EXACT, aliases, Field.Store.NO));
        StringBuilder headings = new StringBuilder();
        for (NoteHeading heading : note.headings()) {
            headings.append(heading.text()).append('\n');
        }
        doc.add(new TextField(Fields.HEADINGS, headings.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.HEADINGS_EXACT, headings.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.TAGS_TEXT, String.join(" ", note.tags()).replace('/', ' '), Field.Store.NO));
        doc.add(new Field(Fields.BODY, BodyText.of(note).text(), BODY_TYPE));
        doc.add(new StoredField(Fields.CONTENT, NoteCodec.encode(note.content())));
        return doc;
    }
}
