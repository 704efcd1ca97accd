package dev.drillbook.markdown.tag;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import dev.drillbook.markdown.SiteUrls;

import java.util.Set;

/** Inline {@code #tags} → {@code a.tag} linking to the tag page. */
public final class TagExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private TagExtension() {
    }

    public static TagExtension create() {
        return new TagExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customInlineParserExtensionFactory(new TagParser.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(options -> (NodeRenderer) () -> Set.of(
                new NodeRenderingHandler<>(Tag.class, (node, context, html) -> {
                    html.attr("href", SiteUrls.tag(node.name())).attr("class", "tag").withAttr().tag("a");
                    html.text("#" + node.name());
                    html.tag("/a");
                })));
    }
}
