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
        if (!(node instanceof WikiLink link) || !isNoteEmbed(link) || !(node.getParent() instanceof Paragraph paragraph)) {
            return;
        }
        // one pass over the paragraph splits it at every note embed it holds (splitting at one embed at a time
        // made a paragraph of n embeds cost n² node moves)
        Paragraph run = new Paragraph(paragraph.getChars());
        Node child = paragraph.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            child.unlink();
            if (child instanceof WikiLink embed && isNoteEmbed(embed)) {
                insertIfContent(state, paragraph, run);
                EmbedBlock block = new EmbedBlock(embed.getChars());
                block.appendChild(embed);
                paragraph.insertBefore(block);
                state.nodeAddedWithDescendants(block);
                run = new Paragraph(paragraph.getChars());
            } else {
                run.appendChild(child);
            }
            child = next;
        }
        insertIfContent(state, paragraph, run);
        paragraph.unlink();
        state.nodeRemoved(paragraph);
    }

    private static boolean isNoteEmbed(WikiLink link) {
        if (!link.embed()) {
            return false;
        }
        String file = link.target().file();
        return file.isEmpty() || !(SiteUrls.isImage(file) || SiteUrls.isAudio(file) || SiteUrls.isVideo(file));
    }

    private static void insertIfContent(NodeTracker state, Paragraph paragraph, Paragraph run) {
        if (hasContent(run)) {
            paragraph.insertBefore(run);
            state.nodeAddedWithDescendants(run);
        }
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
