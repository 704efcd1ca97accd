package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Obsidian wikilinks and embeds: {@code [[Note#Heading|text]]}, {@code ![[Note]]}, {@code ![[image.png|300]]}. */
public final class WikiLinkExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private WikiLinkExtension() {
    }

    public static WikiLinkExtension create() {
        return new WikiLinkExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customInlineParserExtensionFactory(new WikiLinkParser.Factory());
        parserBuilder.postProcessorFactory(new EmbedBlockPostProcessor.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(new WikiLinkNodeRenderer.Factory());
    }
}
