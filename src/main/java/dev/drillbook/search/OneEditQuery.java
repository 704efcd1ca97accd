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
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The terms of one field within one edit of a word (a swap of two letters counts as one), scored as Lucene's
 * {@link FuzzyQuery} with one edit scores them: the word itself 1, a one-edit neighbour {@code 1 - 1/length}, with
 * the same blended top-50 rewrite. As with FuzzyQuery here, the first letter must match.
 * <p>
 * FuzzyQuery compiles a Levenshtein automaton per field and edit distance, and compiling one costs about a third of
 * a millisecond under the quick JIT: that was most of a typo query's time. This query finds the terms one of two ways:
 * <ul>
 * <li>in a small terms dictionary (up to {@value #SCAN_LIMIT} terms in the segment) it walks the terms that share
 * the first letter and checks each one directly, without an automaton;</li>
 * <li>in a larger one it intersects the dictionary with the automaton, built on first use and shared across the
 * fields a word is looked for in.</li>
 * </ul>
 * Both accept exactly the same terms ({@code OneEditQueryTest} checks the direct check against the automaton).
 */
final class OneEditQuery extends MultiTermQuery {

    /** As FuzzyQuery was used here: the first letter must match (typos there are rarer, and it cuts the terms to walk). */
    static final int PREFIX_LENGTH = 1;

    /** Up to this many terms in a segment's field, walking the first letter's range beats compiling an automaton. */
    static final long SCAN_LIMIT = 20_000;

    private final String text;
    private final int[] codePoints;
    private final Supplier<CompiledAutomaton> automaton;

    /** The automaton for {@code text}, compiled on first use: the terms within one edit, sharing its first letter. */
    static Supplier<CompiledAutomaton> automaton(String text) {
        return new Supplier<>() {
            private CompiledAutomaton compiled;

            @Override
            public synchronized CompiledAutomaton get() {
                if (compiled == null) {
                    compiled = FuzzyQuery.getFuzzyAutomaton(text, 1, PREFIX_LENGTH, true);
                }
                return compiled;
            }
        };
    }

    /** @param automaton {@link #automaton(String)} of {@code text}, shared by the queries for the same word */
    OneEditQuery(String field, String text, Supplier<CompiledAutomaton> automaton) {
        super(field, FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions));
        this.text = text;
        this.codePoints = text.codePoints().toArray();
        this.automaton = automaton;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        BytesRef exact = new BytesRef(text);
        long size = terms.size();
        if (size < 0 || size > SCAN_LIMIT || codePoints.length <= PREFIX_LENGTH) {
            return scored(automaton.get().getTermsEnum(terms), exact, null);
        }
        BytesRef prefix = new BytesRef(new String(codePoints, 0, PREFIX_LENGTH));
        return scored(terms.iterator(), exact, prefix);
    }

    /**
     * Sets each accepted term's boost as FuzzyQuery's enum does. With a {@code prefix} the enum is the whole
     * dictionary: it starts at the prefix, stops after it and keeps only the terms within one edit.
     */
    private TermsEnum scored(TermsEnum terms, BytesRef exact, BytesRef prefix) {
        return new FilteredTermsEnum(terms, prefix != null) {
            // the rewrite reads each term's boost from the enum's own attributes, as it does from FuzzyQuery's
            private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);
            private int[] scratch = new int[16];

            {
                if (prefix != null) {
                    setInitialSeekTerm(prefix);
                }
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                int termLength;
                if (prefix != null) {
                    if (!StringHelper.startsWith(term, prefix)) {
                        return AcceptStatus.END;
                    }
                    if (scratch.length < term.length) {
                        scratch = new int[term.length];
                    }
                    termLength = UnicodeUtil.UTF8toUTF32(term, scratch);
                    if (!withinOneEdit(codePoints, codePoints.length, scratch, termLength)) {
                        return AcceptStatus.NO;
                    }
                } else {
                    termLength = UnicodeUtil.codePointCount(term);
                }
                boost.setBoost(term.bytesEquals(exact) ? 1f : 1f - 1f / Math.min(termLength, codePoints.length));
                return AcceptStatus.YES;
            }
        };
    }

    /**
     * Whether {@code b} is at most one edit from {@code a} (both sharing their first {@value #PREFIX_LENGTH} code
     * point(s)): equal, one code point changed, added or removed, or two neighbours swapped — what Lucene's
     * one-edit Levenshtein automaton with transpositions accepts.
     */
    static boolean withinOneEdit(int[] a, int aLength, int[] b, int bLength) {
        if (Math.abs(aLength - bLength) > 1) {
            return false;
        }
        int i = 0;
        while (i < aLength && i < bLength && a[i] == b[i]) {
            i++;
        }
        if (i < PREFIX_LENGTH && (i < aLength || i < bLength)) {
            return false;  // the first letter differs (or one word is shorter than it)
        }
        if (aLength == bLength) {
            if (i == aLength || sameFrom(a, i + 1, b, i + 1, aLength - i - 1)) {
                return true;  // equal, or one code point changed
            }
            return i + 1 < aLength && a[i] == b[i + 1] && a[i + 1] == b[i] && sameFrom(a, i + 2, b, i + 2, aLength - i - 2);
        }
        return aLength > bLength ? sameFrom(a, i + 1, b, i, bLength - i) : sameFrom(a, i, b, i + 1, aLength - i);
    }

    private static boolean sameFrom(int[] a, int aFrom, int[] b, int bFrom, int count) {
        for (int k = 0; k < count; k++) {
            if (a[aFrom + k] != b[bFrom + k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            automaton.get().visit(visitor, this, field);
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
