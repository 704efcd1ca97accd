package dev.drillbook.markdown.callout;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises {@code [!type]} with an optional fold marker, but only as the first characters of the first paragraph
 * of a block quote; anywhere else it is ordinary text.
 */
public class CalloutMarkerParser implements InlineParserExtension {

    private static final Pattern MARKER = Pattern.compile("\\[!([\\p{L}\\p{N}_-]+)]([+-]?)[ \\t]*");

    public CalloutMarkerParser(LightInlineParser inlineParser) {
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser inlineParser) {
        if (inlineParser.getIndex() != 0) {
            return false;
        }
        Node block = inlineParser.getBlock();
        if (!(block instanceof Paragraph) || !(block.getParent() instanceof BlockQuote) || block.getPrevious() != null) {
            return false;
        }
        BasedSequence input = inlineParser.getInput();
        Matcher matcher = MARKER.matcher(input);
        if (!matcher.lookingAt()) {
            return false;
        }
        inlineParser.flushTextNode();
        block.appendChild(new CalloutMarker(input.subSequence(0, matcher.end()),
                matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2)));
        inlineParser.setIndex(matcher.end());
        return true;
    }

    public static class Factory implements InlineParserExtensionFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public CharSequence getCharacters() {
            return "[";
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new CalloutMarkerParser(inlineParser);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
