package dev.drillbook.markdown.blockid;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ^id} (Latin letters, digits, dashes) after whitespace at the very end of a block. */
public class BlockIdParser implements InlineParserExtension {

    private static final Pattern BLOCK_ID = Pattern.compile("\\^([A-Za-z0-9-]+)\\s*$");

    public BlockIdParser(LightInlineParser inlineParser) {
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser inlineParser) {
        BasedSequence input = inlineParser.getInput();
        int index = inlineParser.getIndex();
        if (index > 0 && !Character.isWhitespace(input.charAt(index - 1))) {
            return false;
        }
        Matcher matcher = BLOCK_ID.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.lookingAt()) {
            return false;
        }
        inlineParser.flushTextNode();
        inlineParser.getBlock().appendChild(new BlockId(input.subSequence(index, matcher.end()), matcher.group(1)));
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
            return "^";
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new BlockIdParser(inlineParser);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
