package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code > [!type]± Title} and the rest of the quote. Children: one {@link CalloutTitle}, then one
 * {@link CalloutContent} (which may be empty).
 */
public class Callout extends Block {

    private final String type;
    private final String fold;

    public Callout(BasedSequence chars, String type, String fold) {
        super(chars);
        this.type = type;
        this.fold = fold;
    }

    /** The type as written, lower-cased ({@code tldr}, {@code my-type}). */
    public String type() {
        return type;
    }

    /** {@code "+"} (foldable, open), {@code "-"} (folded) or {@code ""}. */
    public String fold() {
        return fold;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
