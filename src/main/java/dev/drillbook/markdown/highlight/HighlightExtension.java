package dev.drillbook.markdown.highlight;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import java.util.Set;

/** {@code ==highlight==} → {@code <mark>}. */
public final class HighlightExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private HighlightExtension() {
    }

    public static HighlightExtension create() {
        return new HighlightExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customDelimiterProcessor(new HighlightDelimiterProcessor());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(options -> (NodeRenderer) () -> Set.of(
                new NodeRenderingHandler<>(Highlight.class, (node, context, html) -> {
                    html.withAttr().tag("mark");
                    context.renderChildren(node);
                    html.tag("/mark");
                })));
    }
}
