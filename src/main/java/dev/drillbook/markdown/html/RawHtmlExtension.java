package dev.drillbook.markdown.html;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import dev.drillbook.markdown.RenderContext;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Raw HTML in notes passes through {@link HtmlSanitizer}; HTML comments are dropped. Relative {@code src}/{@code href}
 * in raw HTML are resolved against the vault like Markdown images.
 */
public final class RawHtmlExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private RawHtmlExtension() {
    }

    public static RawHtmlExtension create() {
        return new RawHtmlExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(options -> (NodeRenderer) () -> Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, RawHtmlExtension::renderBlock),
                new NodeRenderingHandler<>(HtmlInnerBlock.class, RawHtmlExtension::renderBlock),
                new NodeRenderingHandler<>(HtmlInline.class, RawHtmlExtension::renderInline),
                new NodeRenderingHandler<>(HtmlCommentBlock.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(HtmlInnerBlockComment.class, (node, context, html) -> { }),
                new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> { })));
    }

    private static void renderBlock(Node node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        html.raw(sanitize(node));
        html.line();
    }

    private static void renderInline(Node node, NodeRendererContext context, HtmlWriter html) {
        html.raw(sanitize(node));
    }

    private static String sanitize(Node node) {
        RenderContext rc = RenderContext.of(node);
        return HtmlSanitizer.sanitize(node.getChars().toString(), (tag, attribute, url) -> {
            if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || url.contains(":")) {
                return url;
            }
            String path = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
            Resolution resolution = rc.resolve(path);
            if (!resolution.resolved()) {
                return url;
            }
            return resolution.isNote() ? SiteUrls.note(resolution.path()) : SiteUrls.file(resolution.path());
        });
    }
}
