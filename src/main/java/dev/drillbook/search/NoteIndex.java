package dev.drillbook.search;

import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.TextSection;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.Note;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The Lucene side of search, independent of the application: one document per note with title, aliases,
 * headings, tags and body (readable text only — no markup, math, comments or front matter), BM25 with boosts in
 * that order, prefix and typo-tolerant matching, phrases, tag and folder filters, highlighted snippets traced back
 * to their heading. Near-real-time: changes are searchable after {@link #refresh()}.
 */
public final class NoteIndex implements Closeable {

    static final int SNIPPET_LENGTH = 180;

    /** Body text with offsets in the postings, so snippets are cut without analysing the text again. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Function<String, Optional<Note>> notes;

    /**
     * @param directory where the index lives (created empty)
     * @param notes looks notes up by path, for snippets and titles
     */
    public NoteIndex(Directory directory, Function<String, Optional<Note>> notes) throws IOException {
        this.notes = notes;
        // A 16 MB buffer makes the indexing threads write segments as they go, in parallel: with 48 MB the whole first
        // load was flushed at the end, by one thread, in a third of the build's time (on the benchmark vault the
        // build went from 4.4 to 4.1 s; the segments it leaves are merged into one in the background, see mergeSegments).
        // Log-size merging only merges segments of about the same size: the one-note segments that edits create are
        // merged with each other, never (as the tiered policy chose to) with the large one of the first load, a
        // merge of the whole index that used to slow the next edit's refresh to over 100 ms.
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.INDEX).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(16).setMergePolicy(new LogByteSizeMergePolicy())
                // and a refresh never waits for a merge of small segments to finish (Lucene waits up to 500 ms by default)
                .setMaxFullFlushMergeWaitMillis(0)
                // a merged segment's phrase postings are built before searches see it, not by the first phrase after
                .setMergedSegmentWarmer(PairPostings::of);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
    }

    /**
     * Adds many notes (a first load) on every core and writes them out as segments, ready for {@link #refresh()}.
     *
     * <p>Each thread takes the next note until none is left, so all of them finish within a note of each other: a
     * parallel stream cuts the work into a few large pieces up front, and on two cores one thread indexed the last
     * piece alone for ~0.6 s while the other waited. Each thread then writes out the buffers left behind (its own,
     * and any other not being written yet); a refresh would write them one after the other on one thread, another
     * ~0.5 s with one core idle, measured on the benchmark vault.
     */
    public void addAll(Collection<Note> all) {
        List<Note> notes = List.copyOf(all);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable indexAndFlush = () -> {
            try {
                for (int i = next.getAndIncrement(); i < notes.size(); i = next.getAndIncrement()) {
                    writer.addDocument(document(notes.get(i)));
                }
                while (writer.flushNextBuffer()) {
                    // one buffer written; the next, if any
                }
            } catch (IOException e) {
                failed.compareAndSet(null, new UncheckedIOException(e));
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
            }
        };
        // threads of their own: a pool's worker might be busy elsewhere, and waiting for it would idle this thread
        int helpers = Math.min(Runtime.getRuntime().availableProcessors() - 1, notes.size() / 64);
        List<Thread> others = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            Thread helper = new Thread(indexAndFlush, "search-index-build-" + (i + 1));
            helper.setDaemon(true);
            helper.start();
            others.add(helper);
        }
        indexAndFlush.run();
        for (Thread other : others) {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building the search index", e);
            }
        }
        if (failed.get() instanceof RuntimeException e) {
            throw e;
        } else if (failed.get() instanceof Error e) {
            throw e;
        }
    }

    public void update(Note note) throws IOException {
        writer.updateDocument(new Term(Fields.PATH, note.path()), document(note));
    }

    public void delete(String path) throws IOException {
        writer.deleteDocuments(new Term(Fields.PATH, path));
    }

    /**
     * Merges the index into one segment, then makes that visible. A first load leaves several (each indexing thread
     * writes one whenever its buffer fills); a query looks each of its terms up, and sets up its scorers, once per
     * segment. On the 10,000-note benchmark vault one segment instead of two already made queries ~10 % cheaper
     * (measured in-process), for ~1.2–1.4 s of merging on one core.
     */
    public void mergeSegments() throws IOException {
        writer.forceMerge(1);
        refresh();
    }

    /** How many segments searches read now. */
    int segmentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
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
        doc.add(new StringField(Fields.PATH, note.path(), Field.Store.NO));
        // doc values, not a stored field: looking up ten paths per query then costs microseconds, not a decompression each
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(Fields.PATH, new org.apache.lucene.util.BytesRef(note.path())));
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
        AdjacentPairs.Recorder pairs = new AdjacentPairs.Recorder();
        doc.add(pairs.bodyField(Fields.BODY, BodyText.of(note).text(), BODY_TYPE));
        doc.add(pairs.bucketsField());  // after the body, whose analysis records the pairs
        return doc;
    }

    /**
     * Runs a query. Every word must match somewhere (title, aliases, headings, tags or body, as a stem, a prefix
     * or within one typo — a swap of two letters counts as one); if that finds nothing, half of the words will do, best matches first.
     */
    public List<SearchHit> search(String text, int limit, String tag, String folder) throws SearchException {
        SearchQuery parsed = SearchQuery.parse(text);
        int max = Math.max(1, Math.min(limit, 100));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query highlight = highlightQuery(parsed);
                List<SearchHit> hits = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                MetaFirst strict = new MetaFirst();
                collect(searcher, strict, build(parsed, tag, folder, false, false, strict), max, 0, hits, seen, highlight);
                if (hits.isEmpty() && !parsed.words().isEmpty()) {
                    // Nothing matched every word: maybe a typo. Only now pay for fuzzy matching (see OneEditQuery).
                    // Rewritten once into the concrete terms it matches, so highlighting does not look for them again;
                    // searched whole (a MetaFirst with no clauses), as rewriting the pieces again would cost as much.
                    try {
                        Query fuzzy = searcher.rewrite(build(parsed, tag, folder, false, true, new MetaFirst()));
                        collect(searcher, new MetaFirst(), fuzzy, max, 0, hits, seen, fuzzy);
                    } catch (IndexSearcher.TooManyClauses e) {
                        // a long question whose words each have dozens of near terms: half of its words will do (below)
                    }
                }
                if (hits.size() < max && parsed.words().size() > 1) {
                    // Questions in natural language: notes matching only some words come after full matches.
                    double below = hits.isEmpty() ? 0 : hits.get(hits.size() - 1).score();
                    MetaFirst relaxed = new MetaFirst();
                    collect(searcher, relaxed, build(parsed, tag, folder, true, false, relaxed), max, below, hits, seen, highlight);
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("The query has too many words to search for at once: shorten it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends hits for {@code query} not seen yet; with {@code below > 0} their scores are scaled under it, so
     * relaxed matches always rank after strict ones.
     */
    private void collect(IndexSearcher searcher, MetaFirst parts, Query query, int max, double below, List<SearchHit> hits,
            Set<String> seen, Query highlight) throws IOException {
        TopDocs top = parts.top(searcher, query, max);
        double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
        List<Integer> docs = new ArrayList<>();
        List<Note> found = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            if (hits.size() + found.size() >= max) {
                break;
            }
            String path = path(searcher, scoreDoc.doc);
            Optional<Note> note = notes.apply(path);
            if (note.isPresent() && seen.add(path)) {
                docs.add(scoreDoc.doc);
                found.add(note.get());
                scores.add(below > 0 ? below * 0.99 * scoreDoc.score / best : scoreDoc.score);
            }
        }
        List<BodyText> bodies = found.stream().map(BodyText::of).toList();
        Object[] snippets = PostingsSnippets.highlight(searcher, PostingsSnippets.bodyTerms(highlight),
                docs.stream().mapToInt(Integer::intValue).toArray(), bodies::get);
        for (int i = 0; i < found.size(); i++) {
            hits.add(hit(found.get(i), bodies.get(i), snippets[i], scores.get(i)));
        }
    }

    private static String path(IndexSearcher searcher, int doc) throws IOException {
        List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.BinaryDocValues paths = leaf.reader().getBinaryDocValues(Fields.PATH);
        if (paths == null || !paths.advanceExact(doc - leaf.docBase)) {
            return "";
        }
        return paths.binaryValue().utf8ToString();
    }

    private static SearchHit hit(Note note, BodyText body, Object formatted, double score) {
        String snippet;
        TextSection section;
        if (formatted instanceof SnippetFormatter.Snippet s) {
            snippet = s.html();
            section = body.sectionAt(s.firstMatch());
        } else {
            StringBuilder out = new StringBuilder();
            String start = body.slice(0, Math.min(body.length(), SNIPPET_LENGTH));
            SnippetFormatter.escape(start, 0, start.length(), out);
            snippet = out.toString().replace('\n', ' ').strip() + (body.length() > SNIPPET_LENGTH ? "\u2026" : "");
            section = null;
        }
        String heading = section == null ? null : section.heading();
        String headingId = section == null ? null : section.headingId();
        return new SearchHit(note.path(), note.title(), note.url() + (headingId == null ? "" : "#" + headingId), heading,
                headingId, snippet, score);
    }

    /** Plain body terms and phrases of the query: what snippets are highlighted with. */
    static Query highlightQuery(SearchQuery parsed) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : parsed.words()) {
            for (String stem : Analyzers.tokens(Analyzers.STEMMED, word)) {
                query.add(new TermQuery(new Term(Fields.BODY, stem)), BooleanClause.Occur.SHOULD);
            }
        }
        for (String phrase : parsed.phrases()) {
            for (String stem : Analyzers.tokens(Analyzers.STEMMED, phrase)) {
                query.add(new TermQuery(new Term(Fields.BODY, stem)), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * @param relaxed half of the words will do instead of all
     * @param fuzzy also match words within one typo (finding the near terms costs more than the rest of a query
     *     in a large dictionary, so this is the fallback when nothing matches exactly)
     * @param parts records the scoring clauses by field, for {@link MetaFirst}
     */
    static Query build(SearchQuery parsed, String tag, String folder, boolean relaxed, boolean fuzzy, MetaFirst parts) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Query> groups = new ArrayList<>();
        for (int i = 0; i < parsed.words().size(); i++) {
            Query group = wordGroup(parsed.words().get(i), i == parsed.words().size() - 1, fuzzy, parts);
            if (group != null) {
                groups.add(group);
            }
        }
        for (String phrase : parsed.phrases()) {
            Query group = phraseGroup(phrase, parts);
            if (group != null) {
                groups.add(group);
            }
        }
        parts.groups(groups.size());
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

    /**
     * A short prefix such as "con" matches thousands of terms in a large vault; expanding all of them made a few
     * queries take half a second. Scoring only a bounded set keeps every query cheap; the whole word typed still
     * matches through its own term clauses.
     */
    private static final org.apache.lucene.search.MultiTermQuery.RewriteMethod PREFIX_REWRITE =
            new org.apache.lucene.search.MultiTermQuery.TopTermsBlendedFreqScoringRewrite(48);

    /** One typed word: stem matches in every field (boosted), prefix matches, and (if asked) typo-tolerant ones. */
    private static Query wordGroup(String word, boolean last, boolean fuzzy, MetaFirst parts) {
        List<String> stems = Analyzers.tokens(Analyzers.STEMMED, word);
        if (stems.isEmpty()) {
            return null;  // a stop word ("by", "of", "in"): it must not be required anywhere
        }
        List<String> exact = Analyzers.tokens(Analyzers.EXACT, word);
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        java.util.Map<String, java.util.function.Supplier<org.apache.lucene.util.automaton.CompiledAutomaton>> automata = new java.util.HashMap<>();
        for (String stem : stems) {
            group.add(parts.meta(boost(new TermQuery(new Term(Fields.TITLE, stem)), Fields.TITLE_BOOST)), BooleanClause.Occur.SHOULD);
            group.add(parts.meta(boost(new TermQuery(new Term(Fields.ALIASES, stem)), Fields.ALIASES_BOOST)), BooleanClause.Occur.SHOULD);
            group.add(parts.meta(boost(new TermQuery(new Term(Fields.HEADINGS, stem)), Fields.HEADINGS_BOOST)), BooleanClause.Occur.SHOULD);
            group.add(parts.meta(boost(new TermQuery(new Term(Fields.TAGS_TEXT, stem)), Fields.TAGS_BOOST)), BooleanClause.Occur.SHOULD);
            group.add(parts.body(boost(new TermQuery(new Term(Fields.BODY, stem)), Fields.BODY_BOOST)), BooleanClause.Occur.SHOULD);
            if (fuzzy && stem.length() >= 4) {
                group.add(parts.body(boost(new OneEditQuery(Fields.BODY, stem, automata.computeIfAbsent(stem, OneEditQuery::automaton)),
                        0.3f)), BooleanClause.Occur.SHOULD);
            }
            if (last && stem.length() >= 3) {
                group.add(parts.body(boost(new TypedPrefixQuery(Fields.BODY, stem, true, PREFIX_REWRITE), 0.4f)), BooleanClause.Occur.SHOULD);
            }
        }
        for (String token : exact) {
            // only the word being typed is a prefix: earlier words are whole (and a prefix query per word made long
            // questions both slow and liable to exceed Lucene's clause limit)
            if (last && token.length() >= 2) {
                group.add(parts.meta(boost(new TypedPrefixQuery(Fields.TITLE_EXACT, token, false, PREFIX_REWRITE), Fields.TITLE_BOOST * 0.6f)), BooleanClause.Occur.SHOULD);
                group.add(parts.meta(boost(new TypedPrefixQuery(Fields.ALIASES_EXACT, token, false, PREFIX_REWRITE), Fields.ALIASES_BOOST * 0.6f)), BooleanClause.Occur.SHOULD);
                group.add(parts.meta(boost(new TypedPrefixQuery(Fields.HEADINGS_EXACT, token, false, PREFIX_REWRITE), Fields.HEADINGS_BOOST * 0.5f)), BooleanClause.Occur.SHOULD);
            }
            if (fuzzy && token.length() >= 4) {
                // one automaton for the three fields (and for the body too when the stem is the word itself)
                var automaton = automata.computeIfAbsent(token, OneEditQuery::automaton);
                group.add(parts.meta(boost(new OneEditQuery(Fields.TITLE_EXACT, token, automaton), Fields.TITLE_BOOST * 0.4f)), BooleanClause.Occur.SHOULD);
                group.add(parts.meta(boost(new OneEditQuery(Fields.ALIASES_EXACT, token, automaton), Fields.ALIASES_BOOST * 0.4f)), BooleanClause.Occur.SHOULD);
                group.add(parts.meta(boost(new OneEditQuery(Fields.HEADINGS_EXACT, token, automaton), Fields.HEADINGS_BOOST * 0.3f)), BooleanClause.Occur.SHOULD);
            }
        }
        return group.build();
    }

    /**
     * A quoted phrase: these words in this order in title, aliases, headings or body (stemmed, so "vector searches"
     * matches "vector search"; a stop word keeps its place, so "state of the art" needs two words between).
     */
    private static Query phraseGroup(String phrase, MetaFirst parts) {
        List<Analyzers.Positioned> stems = Analyzers.positioned(Analyzers.STEMMED, phrase);
        if (stems.isEmpty()) {
            return null;
        }
        if (stems.size() == 1) {
            return wordGroup(stems.get(0).term(), false, false, parts);
        }
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        String[] fields = {Fields.TITLE, Fields.ALIASES, Fields.HEADINGS, Fields.BODY};
        float[] boosts = {Fields.TITLE_BOOST, Fields.ALIASES_BOOST, Fields.HEADINGS_BOOST, Fields.BODY_BOOST};
        for (int f = 0; f < fields.length; f++) {
            // exact positions: a sloppy phrase costs several times more to match in a long body
            PhraseQuery.Builder builder = new PhraseQuery.Builder();
            for (Analyzers.Positioned stem : stems) {
                builder.add(new Term(fields[f], stem.term()), stem.position());
            }
            Query clause = boost(fields[f].equals(Fields.BODY) ? withAdjacentPairs(builder.build(), stems) : builder.build(), boosts[f]);
            group.add(fields[f].equals(Fields.BODY) ? parts.body(clause) : parts.meta(clause), BooleanClause.Occur.SHOULD);
        }
        return group.build();
    }

    /**
     * The phrase, first narrowed to the notes that have each pair of its adjacent stems (see {@link AdjacentPairs}):
     * the filter clauses only cut the notes whose positions are read, and leave the score the phrase's own.
     */
    static Query withAdjacentPairs(PhraseQuery phrase, List<Analyzers.Positioned> stems) {
        BooleanQuery.Builder narrowed = new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.MUST);
        boolean any = false;
        for (int i = 1; i < stems.size(); i++) {
            if (stems.get(i).position() == stems.get(i - 1).position() + 1) {
                int bucket = AdjacentPairs.bucket(stems.get(i - 1).term(), stems.get(i).term());
                narrowed.add(new AdjacentPairsQuery(bucket), BooleanClause.Occur.FILTER);
                any = true;
            }
        }
        return any ? narrowed.build() : phrase;  // "state of the art": no two of its stems are adjacent
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
