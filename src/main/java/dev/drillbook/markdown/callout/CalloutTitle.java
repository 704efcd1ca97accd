package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** The inline content after the marker on the callout's first line; empty means the default title. */
public class CalloutTitle extends Node {

    public CalloutTitle(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
