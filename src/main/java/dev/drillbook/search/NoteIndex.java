package dev.drillbook.search;

import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.TextSection;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.Note;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Lucene side of search, independent of the application: one document per note with title, aliases,
 * headings, tags and body (readable text only — no markup, math, comments or front matter), BM25 with boosts in
 * that order, prefix and typo-tolerant matching, phrases, tag and folder filters, highlighted snippets traced back
 * to their heading. Near-real-time: changes are searchable after {@link #refresh()}.
 */
public final class NoteIndex implements Closeable {

    static final int SNIPPET_LENGTH = 180;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final UnifiedHighlighter highlighter;
    private final Function<String, Optional<Note>> notes;

    /**
     * @param directory where the index lives (created empty)
     * @param notes looks notes up by path, for snippets and titles
     */
    public NoteIndex(Directory directory, Function<String, Optional<Note>> notes) throws IOException {
        this.notes = notes;
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.INDEX).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(48);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        highlighter = UnifiedHighlighter.builderWithoutSearcher(Analyzers.STEMMED)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
                .withFormatter(new SnippetFormatter())
                .withHandleMultiTermQuery(true)
                .withMaxLength(200_000)
                .build();
    }

    /** Adds many notes (a first load); safe to call from several threads. */
    public void addAll(Collection<Note> all) {
        all.parallelStream().forEach(note -> {
            try {
                writer.addDocument(document(note));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

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

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    static Document document(Note note) {
        Document doc = new Document();
        doc.add(new StringField(Fields.PATH, note.path(), Field.Store.YES));
        String folder = note.folder();
        if (!folder.isEmpty()) {
            StringBuilder prefix = new StringBuilder();
            for (String part : folder.toLowerCase(Locale.ROOT).split("/")) {
                if (prefix.length() > 0) {
                    prefix.append('/');
                }
                prefix.append(part);
                doc.add(new StringField(Fields.FOLDER, prefix.toString(), Field.Store.NO));
            }
        }
        Set<String> tagKeys = new LinkedHashSet<>();
        for (String tag : note.tags()) {
            tagKeys.addAll(Tags.selfAndParents(Tags.key(tag)));
        }
        for (String tag : tagKeys) {
            doc.add(new StringField(Fields.TAG, tag, Field.Store.NO));
        }
        doc.add(new TextField(Fields.TITLE, note.title(), Field.Store.NO));
        doc.add(new TextField(Fields.TITLE_EXACT, note.title(), Field.Store.NO));
        String aliases = String.join(" \n ", note.aliases());
        doc.add(new TextField(Fields.ALIASES, aliases, Field.Store.NO));
        doc.add(new TextField(Fields.ALIASES_EXACT, aliases, Field.Store.NO));
        StringBuilder headings = new StringBuilder();
        for (NoteHeading heading : note.headings()) {
            headings.append(heading.text()).append(" \n ");
        }
        doc.add(new TextField(Fields.HEADINGS, headings.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.HEADINGS_EXACT, headings.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.TAGS_TEXT, String.join(" ", note.tags()).replace('/', ' ').replace('-', ' '), Field.Store.NO));
        doc.add(new TextField(Fields.BODY, BodyText.of(note).text(), Field.Store.NO));
        return doc;
    }

    /**
     * Runs a query. Every word must match somewhere (title, aliases, headings, tags or body, as a stem, a prefix
     * or within one or two typos); if that finds nothing, half of the words will do, best matches first.
     */
    public List<SearchHit> search(String text, int limit, String tag, String folder) throws SearchException {
        SearchQuery parsed = SearchQuery.parse(text);
        int max = Math.max(1, Math.min(limit, 100));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query strict = build(parsed, tag, folder, false);
                List<SearchHit> hits = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                collect(searcher, strict, max, 0, hits, seen);
                if (hits.size() < max && parsed.words().size() > 1) {
                    // Questions in natural language: notes matching only some words come after full matches.
                    double below = hits.isEmpty() ? 0 : hits.get(hits.size() - 1).score();
                    collect(searcher, build(parsed, tag, folder, true), max, below, hits, seen);
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends hits for {@code query} not seen yet; with {@code below > 0} their scores are scaled under it, so
     * relaxed matches always rank after strict ones.
     */
    private void collect(IndexSearcher searcher, Query query, int max, double below, List<SearchHit> hits, Set<String> seen)
            throws IOException {
        TopDocs top = searcher.search(query, max);
        double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            if (hits.size() >= max) {
                return;
            }
            String path = searcher.storedFields().document(scoreDoc.doc).get(Fields.PATH);
            Optional<Note> note = notes.apply(path);
            if (note.isPresent() && seen.add(path)) {
                double score = below > 0 ? below * 0.99 * scoreDoc.score / best : scoreDoc.score;
                hits.add(hit(note.get(), query, (float) score));
            }
        }
    }

    private SearchHit hit(Note note, Query query, float score) throws IOException {
        BodyText body = BodyText.of(note);
        Object formatted = highlighter.highlightWithoutSearcher(Fields.BODY, query, body.text(), 1);
        String snippet;
        TextSection section;
        if (formatted instanceof SnippetFormatter.Snippet s) {
            snippet = s.html();
            section = body.sectionAt(s.firstMatch());
        } else {
            StringBuilder out = new StringBuilder();
            String text = body.text();
            SnippetFormatter.escape(text, 0, Math.min(text.length(), SNIPPET_LENGTH), out);
            snippet = out.toString().replace('\n', ' ').strip() + (text.length() > SNIPPET_LENGTH ? "\u2026" : "");
            section = null;
        }
        String heading = section == null ? null : section.heading();
        String headingId = section == null ? null : section.headingId();
        return new SearchHit(note.path(), note.title(), note.url() + (headingId == null ? "" : "#" + headingId), heading,
                headingId, snippet, score);
    }

    static Query build(SearchQuery parsed, String tag, String folder, boolean relaxed) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Query> groups = new ArrayList<>();
        for (int i = 0; i < parsed.words().size(); i++) {
            Query group = wordGroup(parsed.words().get(i), i == parsed.words().size() - 1);
            if (group != null) {
                groups.add(group);
            }
        }
        for (String phrase : parsed.phrases()) {
            groups.add(phraseGroup(phrase));
        }
        if (relaxed) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            groups.forEach(g -> any.add(g, BooleanClause.Occur.SHOULD));
            // Natural-language questions carry words no note uses ("how much … does … take"): half of them will do.
            any.setMinimumNumberShouldMatch(Math.max(1, (groups.size() + 1) / 2));
            query.add(any.build(), BooleanClause.Occur.MUST);
        } else {
            groups.forEach(g -> query.add(g, BooleanClause.Occur.MUST));
        }
        for (String word : parsed.excluded()) {
            for (String token : Analyzers.tokens(Analyzers.STEMMED, word)) {
                query.add(new TermQuery(new Term(Fields.BODY, token)), BooleanClause.Occur.MUST_NOT);
                query.add(new TermQuery(new Term(Fields.TITLE, token)), BooleanClause.Occur.MUST_NOT);
            }
        }
        List<String> tags = new ArrayList<>(parsed.tags());
        if (tag != null && !tag.isBlank()) {
            tags.add(tag);
        }
        for (String t : tags) {
            query.add(new TermQuery(new Term(Fields.TAG, Tags.key(t.startsWith("#") ? t.substring(1) : t))), BooleanClause.Occur.FILTER);
        }
        List<String> folders = new ArrayList<>(parsed.folders());
        if (folder != null && !folder.isBlank()) {
            folders.add(folder);
        }
        for (String f : folders) {
            String key = f.toLowerCase(Locale.ROOT).replaceAll("^/+|/+$", "");
            query.add(new TermQuery(new Term(Fields.FOLDER, key)), BooleanClause.Occur.FILTER);
        }
        if (groups.isEmpty()) {
            query.add(new org.apache.lucene.search.MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        return query.build();
    }

    /** One typed word: stem matches in every field (boosted), plus prefix and typo-tolerant matches. */
    private static Query wordGroup(String word, boolean last) {
        List<String> stems = Analyzers.tokens(Analyzers.STEMMED, word);
        if (stems.isEmpty()) {
            return null;  // a stop word ("by", "of", "in"): it must not be required anywhere
        }
        List<String> exact = Analyzers.tokens(Analyzers.EXACT, word);
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        for (String stem : stems) {
            group.add(boost(new TermQuery(new Term(Fields.TITLE, stem)), Fields.TITLE_BOOST), BooleanClause.Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.ALIASES, stem)), Fields.ALIASES_BOOST), BooleanClause.Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.HEADINGS, stem)), Fields.HEADINGS_BOOST), BooleanClause.Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.TAGS_TEXT, stem)), Fields.TAGS_BOOST), BooleanClause.Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.BODY, stem)), Fields.BODY_BOOST), BooleanClause.Occur.SHOULD);
            int edits = stem.length() >= 8 ? 2 : stem.length() >= 4 ? 1 : 0;
            if (edits > 0) {
                group.add(boost(new FuzzyQuery(new Term(Fields.BODY, stem), edits, 1), 0.3f), BooleanClause.Occur.SHOULD);
            }
            if (last && stem.length() >= 3) {
                group.add(boost(new PrefixQuery(new Term(Fields.BODY, stem)), 0.4f), BooleanClause.Occur.SHOULD);
            }
        }
        for (String token : exact) {
            if (token.length() >= 2) {
                group.add(boost(new PrefixQuery(new Term(Fields.TITLE_EXACT, token)), Fields.TITLE_BOOST * 0.6f), BooleanClause.Occur.SHOULD);
                group.add(boost(new PrefixQuery(new Term(Fields.ALIASES_EXACT, token)), Fields.ALIASES_BOOST * 0.6f), BooleanClause.Occur.SHOULD);
                group.add(boost(new PrefixQuery(new Term(Fields.HEADINGS_EXACT, token)), Fields.HEADINGS_BOOST * 0.5f), BooleanClause.Occur.SHOULD);
            }
            int edits = token.length() >= 8 ? 2 : token.length() >= 4 ? 1 : 0;
            if (edits > 0) {
                group.add(boost(new FuzzyQuery(new Term(Fields.TITLE_EXACT, token), edits, 1), Fields.TITLE_BOOST * 0.4f), BooleanClause.Occur.SHOULD);
                group.add(boost(new FuzzyQuery(new Term(Fields.ALIASES_EXACT, token), edits, 1), Fields.ALIASES_BOOST * 0.4f), BooleanClause.Occur.SHOULD);
                group.add(boost(new FuzzyQuery(new Term(Fields.HEADINGS_EXACT, token), edits, 1), Fields.HEADINGS_BOOST * 0.3f), BooleanClause.Occur.SHOULD);
            }
        }
        return group.build();
    }

    /** A quoted phrase: exact order in title, headings or body (stemmed, so "vector searches" matches "vector search"). */
    private static Query phraseGroup(String phrase) {
        List<String> stems = Analyzers.tokens(Analyzers.STEMMED, phrase);
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        if (stems.size() == 1) {
            return wordGroup(stems.get(0), false);
        }
        for (String[] field : new String[][] {{Fields.TITLE, "5"}, {Fields.ALIASES, "4"}, {Fields.HEADINGS, "3"}, {Fields.BODY, "1"}}) {
            PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(1);
            for (String stem : stems) {
                builder.add(new Term(field[0], stem));
            }
            group.add(boost(builder.build(), Float.parseFloat(field[1])), BooleanClause.Occur.SHOULD);
        }
        return group.build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
