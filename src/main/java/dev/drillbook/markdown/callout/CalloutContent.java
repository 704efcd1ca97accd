package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Everything in the callout after its title line: any blocks, including nested callouts. */
public class CalloutContent extends Block {

    public CalloutContent(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
