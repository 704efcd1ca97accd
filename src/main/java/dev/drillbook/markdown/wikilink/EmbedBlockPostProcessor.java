package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;

import dev.drillbook.markdown.SiteUrls;

/** Lifts a paragraph holding a single note embed into an {@link EmbedBlock}, so the box is not nested in a {@code <p>}. */
public class EmbedBlockPostProcessor extends NodePostProcessor {

    @Override
    public void process(NodeTracker state, Node node) {
        if (!(node instanceof WikiLink link) || !link.embed() || !(node.getParent() instanceof Paragraph paragraph)) {
            return;
        }
        String file = link.target().file();
        if (!file.isEmpty() && (SiteUrls.isImage(file) || SiteUrls.isAudio(file) || SiteUrls.isVideo(file))) {
            return;
        }
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            boolean blank = child instanceof SoftLineBreak || (child instanceof Text && child.getChars().isBlank());
            if (child != link && !blank) {
                return;
            }
        }
        EmbedBlock block = new EmbedBlock(paragraph.getChars());
        link.unlink();
        block.appendChild(link);
        paragraph.insertBefore(block);
        paragraph.unlink();
        state.nodeRemoved(paragraph);
        state.nodeAddedWithDescendants(block);
    }

    public static class Factory extends NodePostProcessorFactory {
        public Factory() {
            super(false);
            addNodes(WikiLink.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new EmbedBlockPostProcessor();
        }
    }
}
