package dev.drillbook.search;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;

/**
 * The terms of one field within one edit of a word (a swap of two letters counts as one), scored as Lucene's
 * {@link FuzzyQuery} with one edit scores them: the word itself 1, a one-edit neighbour {@code 1 - 1/length}, with
 * the same blended top-50 rewrite.
 * <p>
 * Unlike FuzzyQuery it takes a compiled Levenshtein automaton instead of building its own. A typed word is looked
 * for in four fields, and FuzzyQuery compiled automata (one per edit distance) again for every field: that was 60 %
 * of a typo query's time under the quick JIT. Build one with {@link #automaton} and share it across the fields.
 */
final class OneEditQuery extends MultiTermQuery {

    /** As FuzzyQuery was used here: the first letter must match (typos there are rarer, and it cuts the terms to walk). */
    static final int PREFIX_LENGTH = 1;

    private final String text;
    private final int length;
    private final CompiledAutomaton automaton;

    /** The automaton for {@code text}: the fields' terms within one edit of it, sharing its first letter. */
    static CompiledAutomaton automaton(String text) {
        return FuzzyQuery.getFuzzyAutomaton(text, 1, PREFIX_LENGTH, true);
    }

    /** @param automaton {@link #automaton(String)} of {@code text} */
    OneEditQuery(String field, String text, CompiledAutomaton automaton) {
        super(field, FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions));
        this.text = text;
        this.length = text.codePointCount(0, text.length());
        this.automaton = automaton;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        BytesRef exact = new BytesRef(text);
        return new FilteredTermsEnum(automaton.getTermsEnum(terms), false) {
            // the rewrite reads each term's boost from the enum's own attributes, as it does from FuzzyQuery's
            private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);

            @Override
            protected AcceptStatus accept(BytesRef term) {
                boost.setBoost(term.bytesEquals(exact) ? 1f
                        : 1f - 1f / Math.min(UnicodeUtil.codePointCount(term), length));
                return AcceptStatus.YES;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            automaton.visit(visitor, this, field);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + text + "~1";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((OneEditQuery) other).field) && text.equals(((OneEditQuery) other).text);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + field.hashCode()) + text.hashCode();
    }
}
