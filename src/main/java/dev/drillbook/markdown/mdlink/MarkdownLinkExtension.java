package dev.drillbook.markdown.mdlink;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Markdown links and images that point into the vault, resolved like wikilinks. */
public final class MarkdownLinkExtension implements HtmlRenderer.HtmlRendererExtension {

    private MarkdownLinkExtension() {
    }

    public static MarkdownLinkExtension create() {
        return new MarkdownLinkExtension();
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.linkResolverFactory(new VaultLinkResolver.Factory());
    }
}
