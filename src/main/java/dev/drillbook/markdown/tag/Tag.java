package dev.drillbook.markdown.tag;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** An inline {@code #tag} or {@code #nested/tag}. */
public class Tag extends Node implements DoNotDecorate {

    private final String name;

    public Tag(BasedSequence chars, String name) {
        super(chars);
        this.name = name;
    }

    /** The tag without {@code #}, as written. */
    public String name() {
        return name;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
