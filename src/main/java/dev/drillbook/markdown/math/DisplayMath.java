package dev.drillbook.markdown.math;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code $$…$$} block on its own lines (or on one line), typeset in display mode. */
public class DisplayMath extends Block {

    private String tex = "";
    private boolean closed;

    public DisplayMath() {
    }

    public DisplayMath(BasedSequence chars) {
        super(chars);
    }

    public String tex() {
        return tex;
    }

    void setTex(String tex) {
        this.tex = tex;
    }

    public boolean closed() {
        return closed;
    }

    void setClosed(boolean closed) {
        this.closed = closed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
