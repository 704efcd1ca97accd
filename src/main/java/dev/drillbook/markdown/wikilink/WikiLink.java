package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code [[target#anchor|display]]} or, with {@link #embed()}, {@code ![[target#anchor|display or size]]}.
 * The parts are parsed once here; resolution against the vault happens at render time.
 */
public class WikiLink extends Node implements DoNotDecorate {

    private final WikiTarget target;
    private final boolean embed;

    public WikiLink(BasedSequence chars, WikiTarget target, boolean embed) {
        super(chars);
        this.target = target;
        this.embed = embed;
    }

    public WikiTarget target() {
        return target;
    }

    public boolean embed() {
        return embed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
