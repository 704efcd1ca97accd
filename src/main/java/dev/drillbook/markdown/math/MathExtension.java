package dev.drillbook.markdown.math;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/** {@code $…$} and {@code $$…$$} as math nodes, with the currency rule. */
public final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MathExtension() {
    }

    public static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customBlockParserFactory(new MathBlockParser.Factory());
        parserBuilder.customInlineParserExtensionFactory(new MathInlineParser.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(new MathNodeRenderer.Factory());
    }
}
