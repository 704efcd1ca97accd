package dev.drillbook.search;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

import java.io.IOException;

/**
 * The terms of one field that start with the word being typed, optionally only the longer ones.
 * <p>
 * Lucene's {@link PrefixQuery} compiles an automaton for every prefix, per query and field; a prefix is a contiguous
 * range of the sorted terms dictionary, so this query seeks to it and walks it instead. {@code longerOnly} leaves
 * out the word itself: where the same field's exact term is already a clause of the query, matching it again here
 * scored the longest postings list of the query (a common word in the body) twice.
 */
final class TypedPrefixQuery extends MultiTermQuery {

    private final BytesRef prefix;
    private final boolean longerOnly;

    TypedPrefixQuery(String field, String prefix, boolean longerOnly, RewriteMethod rewrite) {
        super(field, rewrite);
        this.prefix = new BytesRef(prefix);
        this.longerOnly = longerOnly;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        TermsEnum all = terms.iterator();
        return new FilteredTermsEnum(all) {
            {
                setInitialSeekTerm(prefix);
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                if (!StringHelper.startsWith(term, prefix)) {
                    return AcceptStatus.END;  // past the range: the dictionary is sorted
                }
                return longerOnly && term.length == prefix.length ? AcceptStatus.NO : AcceptStatus.YES;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            // built only if a visitor asks (highlighters do); scoring never needs it
            visitor.consumeTermsMatching(this, field, () -> {
                Automaton terms = PrefixQuery.toAutomaton(prefix);
                if (longerOnly) {
                    terms = Operations.minus(terms, Automata.makeBinary(prefix), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
                }
                return new ByteRunAutomaton(terms, true, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
            });
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + prefix.utf8ToString() + (longerOnly ? "?*" : "*");
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((TypedPrefixQuery) other).field)
                && prefix.equals(((TypedPrefixQuery) other).prefix) && longerOnly == ((TypedPrefixQuery) other).longerOnly
                && getRewriteMethod().equals(((TypedPrefixQuery) other).getRewriteMethod());
    }

    @Override
    public int hashCode() {
        return (classHash() * 31 + field.hashCode()) * 31 + prefix.hashCode() + (longerOnly ? 1 : 0);
    }
}
