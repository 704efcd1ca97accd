package dev.drillbook.markdown.math;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code $…$} (or {@code $$…$$} in running text, which Obsidian typesets in display mode).
 * The TeX is kept byte-for-byte; only the delimiters are dropped.
 */
public class InlineMath extends Node {

    private final BasedSequence tex;
    private final boolean display;

    public InlineMath(BasedSequence chars, BasedSequence tex, boolean display) {
        super(chars);
        this.tex = tex;
        this.display = display;
    }

    public String tex() {
        return tex.toString();
    }

    public boolean display() {
        return display;
    }

    @Override
    public BasedSequence[] getSegments() {
        return new BasedSequence[] {tex};
    }
}
