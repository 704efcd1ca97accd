package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** Obsidian callouts: {@code > [!type]± Title}, fold markers, aliases, custom types, nesting to any depth. */
public final class CalloutExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private CalloutExtension() {
    }

    public static CalloutExtension create() {
        return new CalloutExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customInlineParserExtensionFactory(new CalloutMarkerParser.Factory());
        parserBuilder.postProcessorFactory(new CalloutPostProcessor.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(new CalloutNodeRenderer.Factory());
    }
}
