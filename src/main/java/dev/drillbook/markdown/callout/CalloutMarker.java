package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** The {@code [!type]±} at the very start of a block quote; turned into a {@link Callout} by the post-processor. */
public class CalloutMarker extends Node {

    private final String type;
    private final String fold;

    public CalloutMarker(BasedSequence chars, String type, String fold) {
        super(chars);
        this.type = type;
        this.fold = fold;
    }

    public String type() {
        return type;
    }

    public String fold() {
        return fold;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
