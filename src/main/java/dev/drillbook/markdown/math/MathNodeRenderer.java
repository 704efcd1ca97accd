package dev.drillbook.markdown.math;

import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;

import java.util.Set;

/**
 * Emits {@code span.math.math-inline} / {@code div.math.math-block} holding the HTML-escaped TeX, which KaTeX
 * typesets in the browser. Inside a table, {@code \|} is how a pipe is written, so it becomes {@code |}.
 */
public class MathNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(InlineMath.class, this::renderInline),
                new NodeRenderingHandler<>(DisplayMath.class, this::renderBlock));
    }

    private void renderInline(InlineMath node, NodeRendererContext context, HtmlWriter html) {
        String tex = node.tex();
        if (node.getAncestorOfType(TableCell.class) != null) {
            tex = tex.replace("\\|", "|");
        }
        html.attr("class", node.display() ? "math math-block math-display-inline" : "math math-inline")
                .withAttr().tag("span");
        html.text(tex);
        html.tag("/span");
    }

    private void renderBlock(DisplayMath node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        if (!node.closed()) {
            // as text, so the reader sees where the closing $$ is missing
            html.tag("p");
            html.text("$$\n" + node.tex());
            html.tag("/p");
            html.line();
            return;
        }
        html.attr("class", "math math-block").withAttr().tag("div");
        html.text(node.tex());
        html.tag("/div");
        html.line();
    }

    public static class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new MathNodeRenderer();
        }
    }
}
