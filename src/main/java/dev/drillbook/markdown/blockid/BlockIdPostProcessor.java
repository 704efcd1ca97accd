package dev.drillbook.markdown.blockid;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;

/**
 * Decides which block a {@code ^id} names: its paragraph, the list item that paragraph opens, its heading, or —
 * when the id stands alone on its own line — the list, table or quote just before it.
 */
public class BlockIdPostProcessor extends NodePostProcessor {

    @Override
    public void process(NodeTracker state, Node node) {
        if (!(node instanceof BlockId blockId)) {
            return;
        }
        Node parent = node.getParent();
        Document document = node.getDocument();
        String anchor = "^" + blockId.id();
        if (parent instanceof Paragraph paragraph) {
            if (onlyChild(paragraph, node)) {
                Node previous = paragraph.getPrevious();
                while (previous instanceof BlankLine) {
                    previous = previous.getPrevious();
                }
                if (previous != null) {
                    paragraph.unlink();
                    state.nodeRemoved(paragraph);
                    BlockIds.put(document, previous, anchor);
                    return;
                }
            }
            Node target = paragraph.getParent() instanceof ListItem item && item.getFirstChild() == paragraph ? item : paragraph;
            BlockIds.put(document, target, anchor);
        } else if (parent instanceof Heading) {
            BlockIds.put(document, parent, anchor);
        }
    }

    private static boolean onlyChild(Paragraph paragraph, Node blockId) {
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            boolean blank = child instanceof SoftLineBreak || (child instanceof Text && child.getChars().isBlank());
            if (child != blockId && !blank) {
                return false;
            }
        }
        return true;
    }

    public static class Factory extends NodePostProcessorFactory {
        public Factory() {
            super(false);
            addNodes(BlockId.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new BlockIdPostProcessor();
        }
    }
}
