package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A paragraph that held nothing but a note embed: rendered as a block, not inside {@code <p>}. */
public class EmbedBlock extends Block {

    public EmbedBlock(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
