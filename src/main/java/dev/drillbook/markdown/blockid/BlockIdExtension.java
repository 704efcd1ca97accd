package dev.drillbook.markdown.blockid;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

import java.util.Set;

/** Block ids ({@code ^id}): hidden in the output, written as the {@code id} of the block they name. */
public final class BlockIdExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private BlockIdExtension() {
    }

    public static BlockIdExtension create() {
        return new BlockIdExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.customInlineParserExtensionFactory(new BlockIdParser.Factory());
        parserBuilder.postProcessorFactory(new BlockIdPostProcessor.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder htmlRendererBuilder, String rendererType) {
        htmlRendererBuilder.nodeRendererFactory(options -> (NodeRenderer) () -> Set.of(
                new NodeRenderingHandler<>(BlockId.class, (node, context, html) -> { })));
        htmlRendererBuilder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return (node, part, attributes) -> {
                    if (part != AttributablePart.LINK && !(node instanceof Heading)) {
                        String id = BlockIds.of(node);
                        if (id != null) {
                            attributes.replaceValue("id", id);
                        }
                    }
                };
            }
        });
    }
}
