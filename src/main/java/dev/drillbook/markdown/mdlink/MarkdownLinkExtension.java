package dev.drillbook.markdown.mdlink;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Markdown links and images that point into the vault, resolved like wikilinks; destinations with spaces need
 * angle brackets, as in CommonMark ({@link LinkDestinationPostProcessor}).
 */
public final class MarkdownLinkExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MarkdownLinkExtension() {
    }

    public static MarkdownLinkExtension create() {
        return new MarkdownLinkExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        options.set(Parser.SPACE_IN_LINK_URLS, true);
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.postProcessorFactory(new LinkDestinationPostProcessor.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.linkResolverFactory(new VaultLinkResolver.Factory());
    }
}
