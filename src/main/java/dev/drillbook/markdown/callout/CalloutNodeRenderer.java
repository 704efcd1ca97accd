package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;

import java.util.Set;

/**
 * Obsidian's callout DOM: {@code div.callout[data-callout][data-callout-fold]} with {@code .callout-title}
 * ({@code .callout-icon}, {@code .callout-title-inner}) and {@code .callout-content}; foldable callouts get
 * {@code is-collapsible} and, when folded, {@code is-collapsed}. The icon is drawn by CSS from the style class.
 */
public class CalloutNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Callout.class, this::renderCallout),
                new NodeRenderingHandler<>(CalloutTitle.class, (node, context, html) -> context.renderChildren(node)),
                new NodeRenderingHandler<>(CalloutContent.class, (node, context, html) -> context.renderChildren(node)),
                new NodeRenderingHandler<>(CalloutMarker.class, (node, context, html) -> { }));
    }

    private void renderCallout(Callout node, NodeRendererContext context, HtmlWriter html) {
        String classes = "callout callout-style-" + CalloutTypes.canonical(node.type());
        if (!node.fold().isEmpty()) {
            classes += " is-collapsible" + ("-".equals(node.fold()) ? " is-collapsed" : "");
        }
        html.line();
        html.attr("class", classes).attr("data-callout", node.type()).attr("data-callout-fold", node.fold())
                .withAttr().tag("div");
        html.line();
        CalloutTitle title = (CalloutTitle) node.getFirstChild();
        html.attr("class", "callout-title");
        if (!node.fold().isEmpty()) {
            html.attr("role", "button").attr("tabindex", "0")
                    .attr("aria-expanded", "-".equals(node.fold()) ? "false" : "true");
        }
        html.withAttr().tag("div");
        html.attr("class", "callout-icon").attr("aria-hidden", "true").withAttr().tag("div").tag("/div");
        html.attr("class", "callout-title-inner").withAttr().tag("div");
        if (title.hasChildren() && !title.getChars().isBlank() && hasVisibleText(title)) {
            context.renderChildren(title);
        } else {
            html.text(CalloutTypes.defaultTitle(node.type()));
        }
        html.tag("/div");
        if (!node.fold().isEmpty()) {
            html.attr("class", "callout-fold").attr("aria-hidden", "true").withAttr().tag("div").tag("/div");
        }
        html.tag("/div");
        html.line();
        html.attr("class", "callout-content").withAttr().tag("div");
        html.line();
        context.renderChildren(node.getLastChild());
        html.tag("/div");
        html.tag("/div");
        html.line();
    }

    private static boolean hasVisibleText(CalloutTitle title) {
        for (var child = title.getFirstChild(); child != null; child = child.getNext()) {
            if (!child.getChars().isBlank() || !(child instanceof com.vladsch.flexmark.ast.Text)) {
                return true;
            }
        }
        return false;
    }

    public static class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new CalloutNodeRenderer();
        }
    }
}
