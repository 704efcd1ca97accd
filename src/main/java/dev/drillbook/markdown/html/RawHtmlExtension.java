package dev.drillbook.markdown.html;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import dev.drillbook.markdown.RenderContext;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTML in notes is written as it is (without the {@code >} markers of the quotes or callouts it sits in) and
 * filtered with the rest of the page by {@link HtmlSanitizer}; relative {@code src}/{@code href} in it are resolved
 * against the vault like Markdown images and links.
 */
public final class RawHtmlExtension implements HtmlRenderer.HtmlRendererExtension {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?i)(\\s(?:src|href)\\s*=\\s*)(\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");

    private RawHtmlExtension() {
    }

    public static RawHtmlExtension create() {
        return new RawHtmlExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(options -> (NodeRenderer) () -> Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, RawHtmlExtension::renderBlock),
                new NodeRenderingHandler<>(HtmlInnerBlock.class, RawHtmlExtension::renderBlock),
                new NodeRenderingHandler<>(HtmlInline.class, RawHtmlExtension::renderInline)));
    }

    private static void renderBlock(Node node, NodeRendererContext context, HtmlWriter html) {
        String text = ((com.vladsch.flexmark.util.ast.Block) node).getContentChars().normalizeEOL();
        if (isNotMarkup(text)) {
            return;
        }
        html.line();
        html.raw(resolveUrls(node, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
        html.line();
    }

    private static void renderInline(Node node, NodeRendererContext context, HtmlWriter html) {
        String text = node.getChars().toString();
        if (!isNotMarkup(text)) {
            html.raw(resolveUrls(node, text));
        }
    }

    /**
     * Processing instructions ({@code <?php … ?>}), declarations and CDATA are dropped whole: a browser (and the
     * sanitiser) would end them at the first {@code >} and show the rest of them as text.
     */
    private static boolean isNotMarkup(String raw) {
        String s = raw.stripLeading();
        return s.startsWith("<?") || (s.startsWith("<!") && !s.startsWith("<!--"));
    }

    /** {@code src="img/x.png"} → the attachment's URL; {@code href="Note.md"} → the note's page. */
    private static String resolveUrls(Node node, String raw) {
        if (raw.indexOf('=') < 0) {
            return raw;
        }
        RenderContext rc = RenderContext.of(node);
        Matcher m = URL_ATTRIBUTE.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            String url = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            String resolved = resolve(rc, url);
            m.appendReplacement(out, Matcher.quoteReplacement(resolved == null ? m.group()
                    : m.group(1) + "\"" + resolved.replace("&", "&amp;").replace("\"", "&quot;") + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resolve(RenderContext rc, String url) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || url.contains(":") || url.contains("&")) {
            return null;
        }
        String path = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        Resolution resolution = rc.resolve(path);
        if (!resolution.resolved()) {
            return null;
        }
        return resolution.isNote() ? SiteUrls.note(resolution.path()) : SiteUrls.file(resolution.path());
    }
}
