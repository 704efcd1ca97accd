package dev.drillbook.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a query's best notes by looking first only at notes where a query word is in the title, an alias, a heading
 * or a tag, and proves that the notes left out could not have ranked among them.
 *
 * <p>Why: a word common in a vault is in the body of nearly every note, so a query of two such words, or a phrase,
 * scores nearly every note — most of a query's cost on the benchmark vault. Those clauses are boosted less and a common
 * word scores little (BM25's idf), so the best notes are almost always those with a word in their title or headings,
 * which are few. The proof is the idea of MaxScore (Turtle and Flood): a note without any such "meta" match scores
 * only from its body clauses, so at most the sum of their maximum scores. If the narrowed search finds a full page of
 * notes that all score above that sum, its page is exactly the full query's page; otherwise the full query runs.
 *
 * <p>Collects the query's clauses while {@link NoteIndex} builds it: {@link #meta} for title, alias, heading and tag
 * fields, {@link #body} for the rest. Every scoring clause must go through one of the two, or the bound is wrong.
 */
final class MetaFirst {

    /** Float scores are sums rounded at each step; this keeps the comparison on the safe side of that rounding. */
    private static final double ROUNDING_MARGIN = 1e-5;

    private final List<Query> meta = new ArrayList<>();
    private final List<Query> body = new ArrayList<>();
    private int groups;
    private boolean settledByMeta;

    /** Records a clause on a title, alias, heading or tag field; returns it, for building the query inline. */
    Query meta(Query clause) {
        meta.add(clause);
        return clause;
    }

    /** Records a scoring clause on any other field. */
    Query body(Query clause) {
        body.add(clause);
        return clause;
    }

    /** How many words and phrases the query combines. */
    void groups(int count) {
        groups = count;
    }

    /** The best {@code max} documents of {@code full}, a query built with this object's clauses. */
    TopDocs top(IndexSearcher searcher, Query full, int max) throws IOException {
        settledByMeta = false;
        // One word or phrase is a disjunction at the top, which Lucene's own MaxScore scorer already prunes this way;
        // narrowing it first only added work (measured on the benchmark vault). A conjunction is pruned by blocks
        // only, and in a vault where every block holds a title match that skips nothing.
        if (groups > 1 && !meta.isEmpty()) {
            BooleanQuery.Builder anyMeta = new BooleanQuery.Builder();
            meta.forEach(clause -> anyMeta.add(clause, BooleanClause.Occur.SHOULD));
            Query narrowed = new BooleanQuery.Builder().add(full, BooleanClause.Occur.MUST)
                    .add(anyMeta.build(), BooleanClause.Occur.FILTER).build();
            TopDocs top;
            try {
                // every narrowed note is scored: they are few, and block-max skipping cost more than it saved
                // here (a two-word query 1.75 → 1.6 ms in-process on the benchmark vault)
                top = searcher.search(narrowed, new TopScoreDocCollectorManager(max, null, Integer.MAX_VALUE));
            } catch (IndexSearcher.TooManyClauses e) {
                return search(searcher, full, max);  // holding the meta clauses twice went over Lucene's limit
            }
            if (top.scoreDocs.length == max && top.scoreDocs[max - 1].score > bodyBound(searcher)) {
                settledByMeta = true;
                return top;
            }
        }
        return search(searcher, full, max);
    }

    /** Whether the last {@link #top} was settled by the narrowed search alone (for tests: both paths must be exercised). */
    boolean settledByMeta() {
        return settledByMeta;
    }

    /** The most a document can score from the body clauses alone: the sum of each clause's maximum, per segment. */
    double bodyBound(IndexSearcher searcher) throws IOException {
        List<Weight> weights = new ArrayList<>(body.size());
        for (Query clause : body) {
            weights.add(searcher.createWeight(searcher.rewrite(clause), ScoreMode.TOP_SCORES, 1f));
        }
        double bound = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            double sum = 0;
            for (Weight weight : weights) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer != null) {
                    scorer.advanceShallow(0);
                    sum += scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
                }
            }
            bound = Math.max(bound, sum);
        }
        return bound * (1 + ROUNDING_MARGIN) + ROUNDING_MARGIN;
    }

    private static TopDocs search(IndexSearcher searcher, Query query, int max) throws IOException {
        // counting hits only up to what is shown lets Lucene skip documents that cannot make the top
        return searcher.search(query, new TopScoreDocCollectorManager(max, null, max));
    }
}
