package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;

import dev.drillbook.markdown.SiteUrls;

/**
 * Note embeds are blocks (a whole note or section cannot sit inside a {@code <p>}): a paragraph holding one is split
 * into the text before, an {@link EmbedBlock}, and the text after. Image and media embeds stay inline.
 */
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
        Paragraph before = new Paragraph(paragraph.getChars());
        Node child = paragraph.getFirstChild();
        while (child != null && child != link) {
            Node next = child.getNext();
            child.unlink();
            before.appendChild(child);
            child = next;
        }
        Paragraph after = new Paragraph(paragraph.getChars());
        child = link.getNext();
        while (child != null) {
            Node next = child.getNext();
            child.unlink();
            after.appendChild(child);
            child = next;
        }
        EmbedBlock block = new EmbedBlock(link.getChars());
        link.unlink();
        block.appendChild(link);
        if (hasContent(before)) {
            paragraph.insertBefore(before);
            state.nodeAddedWithDescendants(before);
        }
        paragraph.insertBefore(block);
        state.nodeAddedWithDescendants(block);
        if (hasContent(after)) {
            paragraph.insertBefore(after);
            state.nodeAddedWithDescendants(after);
        }
        paragraph.unlink();
        state.nodeRemoved(paragraph);
    }

    private static boolean hasContent(Paragraph paragraph) {
        trim(paragraph);
        return paragraph.hasChildren();
    }

    /** Drops line breaks and blank text left at either end after the split. */
    private static void trim(Paragraph paragraph) {
        while (paragraph.getFirstChild() != null && blank(paragraph.getFirstChild())) {
            paragraph.getFirstChild().unlink();
        }
        while (paragraph.getLastChild() != null && blank(paragraph.getLastChild())) {
            paragraph.getLastChild().unlink();
        }
    }

    private static boolean blank(Node node) {
        return node instanceof SoftLineBreak || node instanceof HardLineBreak
                || (node instanceof Text && node.getChars().isBlank());
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
