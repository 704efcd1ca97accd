package dev.drillbook.markdown.mdlink;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark 0.64.8 reads {@code [t](<Note Name.md>)} only with its "spaces in link URLs" option, which also takes
 * {@code [t](a b)} and {@code [t](/url (title))} as URLs with spaces. This restores CommonMark: a destination with
 * white space must be in angle brackets; a title the option swallowed becomes the title again; otherwise the text
 * is no link ({@code [foo]} then names a reference when one is defined, as CommonMark reads it).
 */
public class LinkDestinationPostProcessor extends NodePostProcessor {

    private static final Pattern URL_AND_TITLE = Pattern.compile("(\\S+)[ \\t]*\\n?[ \\t]*(\"[^\"]*\"|'[^']*'|\\([^()]*\\))");

    @Override
    public void process(NodeTracker state, Node node) {
        Link link = (Link) node;
        BasedSequence url = link.getUrl();
        if (url.indexOfAny(com.vladsch.flexmark.util.misc.CharPredicate.WHITESPACE) < 0
                || "<".equals(link.getUrlOpeningMarker().toString())) {
            return;
        }
        Matcher m = URL_AND_TITLE.matcher(url);
        if (m.matches() && link.getTitle().isEmpty()) {
            link.setUrl(url.subSequence(m.start(1), m.end(1)));
            BasedSequence title = url.subSequence(m.start(2), m.end(2));
            link.setTitleOpeningMarker(title.subSequence(0, 1));
            link.setTitle(title.subSequence(1, title.length() - 1));
            link.setTitleClosingMarker(title.subSequence(title.length() - 1));
            return;
        }
        unlink(state, link);
    }

    /**
     * {@code [text](a b)} → {@code [text]} (a reference link when a reference of that name is defined, else text)
     * followed by the text {@code (a b)}; the link text keeps its formatting.
     */
    private static void unlink(NodeTracker state, Link link) {
        BasedSequence chars = link.getChars();
        int labelEnd = link.getTextClosingMarker().getEndOffset() - chars.getStartOffset();
        BasedSequence rest = chars.subSequence(labelEnd);
        LinkRef ref = new LinkRef();
        ref.setReferenceOpeningMarker(link.getTextOpeningMarker());
        ref.setReference(link.getText());
        ref.setReferenceClosingMarker(link.getTextClosingMarker());
        ref.setChars(chars.subSequence(0, labelEnd));
        Node last;
        if (ref.getReferenceNode(link.getDocument()) != null) {
            ref.setDefined(true);
            ref.takeChildren(link);
            link.insertBefore(ref);
            state.nodeAddedWithDescendants(ref);
            last = ref;
        } else {
            Text open = new Text(link.getTextOpeningMarker());
            link.insertBefore(open);
            state.nodeAdded(open);
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            Text close = new Text(link.getTextClosingMarker());
            link.insertBefore(close);
            state.nodeAdded(close);
            last = close;
        }
        Text tail = new Text(rest);
        last.insertAfter(tail);
        state.nodeAdded(tail);
        link.unlink();
        state.nodeRemoved(link);
    }

    public static class Factory extends NodePostProcessorFactory {
        public Factory() {
            super(false);
            addNodes(Link.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new LinkDestinationPostProcessor();
        }
    }
}
