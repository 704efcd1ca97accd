package dev.drillbook.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;

/**
 * The notes whose body has a pair of stems in the given {@link AdjacentPairs} bucket: a filter clause next to a
 * phrase, so that Lucene walks these few notes instead of every note with the phrase's words.
 */
final class AdjacentPairsQuery extends Query {

    private final int bucket;

    AdjacentPairsQuery(int bucket) {
        this.bucket = bucket;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                PairPostings postings = PairPostings.ifBuilt(context.reader());
                if (postings == null) {
                    // not built yet: every note passes, and the phrase checks positions in all with its words
                    return new ConstantScoreScorer(this, score(), scoreMode, DocIdSetIterator.all(context.reader().maxDoc()));
                }
                if (postings.count(bucket) == 0) {
                    return null;
                }
                return new ConstantScoreScorer(this, score(), scoreMode, postings.notes(bucket));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;  // already in memory: a cached copy would only duplicate it
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "adjacentPairs:" + bucket;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && bucket == ((AdjacentPairsQuery) other).bucket;
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + bucket;
    }
}
