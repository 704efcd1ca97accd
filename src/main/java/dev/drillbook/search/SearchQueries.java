package dev.drillbook.search;

import dev.drillbook.markdown.tag.Tags;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lucene queries for what the user typed, made only of Lucene's own query classes: per word a group of boosted term
 * queries over title, aliases, headings, tags and body (all words must match, in any field); the last word also as
 * a prefix while it is being typed; phrases as {@link PhraseQuery}; words within one typo as {@link FuzzyQuery} in a
 * second pass; tag and folder filters.
 */
final class SearchQueries {

    /**
     * A short prefix such as "con" matches thousands of terms in a large vault: only the 48 most frequent are scored
     * (Lucene's own bounded rewrite), and the whole word typed still matches through its term clauses.
     */
    private static final int PREFIX_TERMS = 48;

    private SearchQueries() {
    }

    /**
     * @param relaxed half of the words and phrases will do instead of all (questions in natural language carry words
     *     no note uses)
     * @param fuzzy also match words within one edit (a swapped pair of letters counts as one)
     */
    static Query build(SearchQuery parsed, String tag, String folder, boolean relaxed, boolean fuzzy) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<Query> groups = new ArrayList<>();
        for (int i = 0; i < parsed.words().size(); i++) {
            Query group = wordGroup(parsed.words().get(i), i == parsed.words().size() - 1, fuzzy);
            if (group != null) {
                groups.add(group);
            }
        }
        for (String phrase : parsed.phrases()) {
            Query group = phraseGroup(phrase);
            if (group != null) {
                groups.add(group);
            }
        }
        if (relaxed) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            groups.forEach(g -> any.add(g, Occur.SHOULD));
            any.setMinimumNumberShouldMatch(Math.max(1, (groups.size() + 1) / 2));
            query.add(any.build(), Occur.MUST);
        } else {
            groups.forEach(g -> query.add(g, Occur.MUST));
        }
        for (String word : parsed.excluded()) {
            for (String token : Analyzers.tokens(Analyzers.STEMMED, word)) {
                query.add(new TermQuery(new Term(Fields.BODY, token)), Occur.MUST_NOT);
                query.add(new TermQuery(new Term(Fields.TITLE, token)), Occur.MUST_NOT);
            }
        }
        List<String> tags = new ArrayList<>(parsed.tags());
        if (tag != null && !tag.isBlank()) {
            tags.add(tag);
        }
        for (String t : tags) {
            query.add(new TermQuery(new Term(Fields.TAG, Tags.key(t.startsWith("#") ? t.substring(1) : t))), Occur.FILTER);
        }
        List<String> folders = new ArrayList<>(parsed.folders());
        if (folder != null && !folder.isBlank()) {
            folders.add(folder);
        }
        for (String f : folders) {
            query.add(new TermQuery(new Term(Fields.FOLDER, f.toLowerCase(Locale.ROOT).replaceAll("^/+|/+$", ""))), Occur.FILTER);
        }
        if (groups.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query.build();
    }

    /** Whether the query has words a typo-tolerant pass could help with. */
    static boolean hasWords(SearchQuery parsed) {
        return parsed.words().stream().anyMatch(w -> !Analyzers.tokens(Analyzers.STEMMED, w).isEmpty());
    }

    /** One typed word: its stems in every field (boosted), the last word as a prefix, and, if asked, near spellings. */
    private static Query wordGroup(String word, boolean last, boolean fuzzy) {
        List<String> stems = Analyzers.tokens(Analyzers.STEMMED, word);
        if (stems.isEmpty()) {
            return null;  // a stop word ("by", "of", "in"): it must not be required anywhere
        }
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        for (String stem : stems) {
            group.add(boost(new TermQuery(new Term(Fields.TITLE, stem)), Fields.TITLE_BOOST), Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.ALIASES, stem)), Fields.ALIASES_BOOST), Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.HEADINGS, stem)), Fields.HEADINGS_BOOST), Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.TAGS_TEXT, stem)), Fields.TAGS_BOOST), Occur.SHOULD);
            group.add(boost(new TermQuery(new Term(Fields.BODY, stem)), Fields.BODY_BOOST), Occur.SHOULD);
            if (fuzzy && stem.length() >= 4) {
                group.add(boost(fuzzy(Fields.BODY, stem), 0.3f), Occur.SHOULD);
            }
            if (last && stem.length() >= 3) {
                group.add(boost(prefix(Fields.BODY, stem), 0.4f), Occur.SHOULD);
            }
        }
        for (String token : Analyzers.tokens(Analyzers.EXACT, word)) {
            // only the word being typed is a prefix: earlier words are whole
            if (last && token.length() >= 2) {
                group.add(boost(prefix(Fields.TITLE_EXACT, token), Fields.TITLE_BOOST * 0.6f), Occur.SHOULD);
                group.add(boost(prefix(Fields.ALIASES_EXACT, token), Fields.ALIASES_BOOST * 0.6f), Occur.SHOULD);
                group.add(boost(prefix(Fields.HEADINGS_EXACT, token), Fields.HEADINGS_BOOST * 0.5f), Occur.SHOULD);
            }
            if (fuzzy && token.length() >= 4) {
                group.add(boost(fuzzy(Fields.TITLE_EXACT, token), Fields.TITLE_BOOST * 0.4f), Occur.SHOULD);
                group.add(boost(fuzzy(Fields.ALIASES_EXACT, token), Fields.ALIASES_BOOST * 0.4f), Occur.SHOULD);
                group.add(boost(fuzzy(Fields.HEADINGS_EXACT, token), Fields.HEADINGS_BOOST * 0.3f), Occur.SHOULD);
            }
        }
        return group.build();
    }

    /**
     * A quoted phrase: these words in this order in title, aliases, headings or body (stemmed, so "vector searches"
     * matches "vector search"; a stop word keeps its place, so "state of the art" needs two words between).
     */
    private static Query phraseGroup(String phrase) {
        List<Analyzers.Positioned> stems = Analyzers.positioned(Analyzers.STEMMED, phrase);
        if (stems.isEmpty()) {
            return null;
        }
        if (stems.size() == 1) {
            return wordGroup(stems.get(0).term(), false, false);
        }
        BooleanQuery.Builder group = new BooleanQuery.Builder();
        String[] fields = {Fields.TITLE, Fields.ALIASES, Fields.HEADINGS, Fields.BODY};
        float[] boosts = {Fields.TITLE_BOOST, Fields.ALIASES_BOOST, Fields.HEADINGS_BOOST, Fields.BODY_BOOST};
        for (int f = 0; f < fields.length; f++) {
            PhraseQuery.Builder builder = new PhraseQuery.Builder();
            for (Analyzers.Positioned stem : stems) {
                builder.add(new Term(fields[f], stem.term()), stem.position());
            }
            group.add(boost(builder.build(), boosts[f]), Occur.SHOULD);
        }
        return group.build();
    }

    /** The query's plain body terms and phrases: what snippets are highlighted with. */
    static Query highlight(SearchQuery parsed) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : parsed.words()) {
            for (String stem : Analyzers.tokens(Analyzers.STEMMED, word)) {
                query.add(new TermQuery(new Term(Fields.BODY, stem)), Occur.SHOULD);
            }
        }
        for (String phrase : parsed.phrases()) {
            for (String stem : Analyzers.tokens(Analyzers.STEMMED, phrase)) {
                query.add(new TermQuery(new Term(Fields.BODY, stem)), Occur.SHOULD);
            }
        }
        return query.build();
    }

    private static Query prefix(String field, String text) {
        return new PrefixQuery(new Term(field, text), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_TERMS));
    }

    private static Query fuzzy(String field, String text) {
        return new FuzzyQuery(new Term(field, text), 1, 0, FuzzyQuery.defaultMaxExpansions, true);
    }

    private static Query boost(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
