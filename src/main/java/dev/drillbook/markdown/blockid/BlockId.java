package dev.drillbook.markdown.blockid;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A trailing {@code ^id}: names its block for {@code [[Note#^id]]}; never shown. */
public class BlockId extends Node {

    private final String id;

    public BlockId(BasedSequence chars, String id) {
        super(chars);
        this.id = id;
    }

    /** The id without the caret. */
    public String id() {
        return id;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
