package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;

/**
 * Turns a block quote whose first paragraph starts with a {@link CalloutMarker} into a {@link Callout}: the rest of
 * the marker's line becomes the title, the following lines of that paragraph and all later blocks the content.
 */
public class CalloutPostProcessor extends NodePostProcessor {

    @Override
    public void process(NodeTracker state, Node node) {
        if (!(node instanceof CalloutMarker marker) || !(node.getParent() instanceof Paragraph first)
                || !(first.getParent() instanceof BlockQuote quote)) {
            return;
        }
        Callout callout = new Callout(quote.getChars(), marker.type(), marker.fold());
        CalloutTitle title = new CalloutTitle(first.getChars());
        CalloutContent content = new CalloutContent(quote.getChars());

        Node child = marker.getNext();
        marker.unlink();
        while (child != null && !(child instanceof SoftLineBreak || child instanceof HardLineBreak)) {
            Node next = child.getNext();
            child.unlink();
            title.appendChild(child);
            child = next;
        }
        if (child != null) {
            Node next = child.getNext();
            child.unlink();
            child = next;
        }
        if (child != null) {
            Paragraph rest = new Paragraph(first.getChars());
            while (child != null) {
                Node next = child.getNext();
                child.unlink();
                rest.appendChild(child);
                child = next;
            }
            content.appendChild(rest);
        }
        Node block = first.getNext();
        first.unlink();
        while (block != null) {
            Node next = block.getNext();
            block.unlink();
            content.appendChild(block);
            block = next;
        }
        callout.appendChild(title);
        callout.appendChild(content);
        quote.insertBefore(callout);
        quote.unlink();
        state.nodeRemoved(quote);
        state.nodeAddedWithDescendants(callout);
    }

    public static class Factory extends NodePostProcessorFactory {
        public Factory() {
            super(false);
            addNodes(CalloutMarker.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new CalloutPostProcessor();
        }
    }
}
