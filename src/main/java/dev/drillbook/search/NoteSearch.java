package dev.drillbook.search;

import dev.drillbook.markdown.TextSection;
import dev.drillbook.vault.Note;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One search over the vault index, in up to three passes: every word must match (ranked by BM25 with field boosts);
 * when nothing does, words within one typo; then, for questions of several words, notes matching half of them, ranked
 * after the full matches. Hits carry a highlighted snippet and the heading it sits under.
 */
final class NoteSearch {

    private final NoteIndex index;
    private final Function<String, Optional<Note>> notes;

    /** @param notes looks notes up by path, for titles and snippets */
    NoteSearch(NoteIndex index, Function<String, Optional<Note>> notes) {
        this.index = index;
        this.notes = notes;
    }

    List<SearchHit> search(String text, int limit, String tag, String folder) throws SearchException {
        SearchQuery parsed = SearchQuery.parse(text);
        int max = Math.max(1, Math.min(limit, 100));
        try {
            IndexSearcher searcher = index.acquire();
            try {
                List<SearchHit> hits = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                Query highlight = SearchQueries.highlight(parsed);
                collect(searcher, SearchQueries.build(parsed, tag, folder, false, false), max, 0, hits, seen, highlight);
                if (hits.isEmpty() && SearchQueries.hasWords(parsed)) {
                    try {
                        Query fuzzy = searcher.rewrite(SearchQueries.build(parsed, tag, folder, false, true));
                        collect(searcher, fuzzy, max, 0, hits, seen, fuzzy);
                    } catch (IndexSearcher.TooManyClauses e) {
                        // a long question whose words each have dozens of near terms: half of its words will do (below)
                    }
                }
                if (hits.size() < max && parsed.words().size() + parsed.phrases().size() > 1) {
                    double below = hits.isEmpty() ? 0 : hits.get(hits.size() - 1).score();
                    collect(searcher, SearchQueries.build(parsed, tag, folder, true, false), max, below, hits, seen, highlight);
                }
                return hits;
            } finally {
                index.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new SearchException("The query has too many words to search for at once: shorten it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends hits for {@code query} not seen yet; with {@code below > 0} their scores are scaled under it, so relaxed
     * matches always rank after strict ones.
     */
    private void collect(IndexSearcher searcher, Query query, int max, double below, List<SearchHit> hits, Set<String> seen,
            Query highlight) throws IOException {
        TopDocs top = searcher.search(query, max);
        double best = top.scoreDocs.length == 0 ? 1 : top.scoreDocs[0].score;
        StoredFields stored = searcher.storedFields();
        List<Integer> docs = new ArrayList<>();
        List<Note> found = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Map<Integer, String> bodies = new HashMap<>();
        List<BodyText> texts = new ArrayList<>();
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            if (hits.size() + found.size() >= max) {
                break;
            }
            String path = stored.document(scoreDoc.doc, Set.of(Fields.PATH)).get(Fields.PATH);
            Optional<Note> note = notes.apply(path);
            if (note.isPresent() && seen.add(path)) {
                BodyText body = BodyText.of(note.get());
                docs.add(scoreDoc.doc);
                found.add(note.get());
                texts.add(body);
                bodies.put(scoreDoc.doc, body.text());
                scores.add(below > 0 ? below * 0.99 * scoreDoc.score / best : scoreDoc.score);
            }
        }
        Snippets.Snippet[] snippets = new Snippets(searcher, bodies)
                .highlight(highlight, docs.stream().mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < found.size(); i++) {
            hits.add(hit(found.get(i), texts.get(i), snippets[i], scores.get(i)));
        }
    }

    private static SearchHit hit(Note note, BodyText body, Snippets.Snippet snippet, double score) {
        TextSection section = snippet == null ? null : body.sectionAt(snippet.offset());
        String heading = section == null ? null : section.heading();
        String headingId = section == null ? null : section.headingId();
        return new SearchHit(note.path(), note.title(), note.url() + (headingId == null ? "" : "#" + headingId), heading,
                headingId, snippet == null ? "" : snippet.html(), score);
    }
}
