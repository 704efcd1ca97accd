package dev.drillbook.markdown.tag;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code #tag} only at the start of a line or after whitespace, so {@code C#}, {@code issue#12} and URL fragments
 * are not tags; the name ends at any other punctuation.
 */
public class TagParser implements InlineParserExtension {

    private static final Pattern TAG = Pattern.compile("#(" + Tags.NAME.pattern() + ")");

    public TagParser(LightInlineParser inlineParser) {
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
        Matcher matcher = TAG.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.lookingAt()) {
            return false;
        }
        String name = Tags.normalize(matcher.group(1));
        if (name == null) {
            return false;
        }
        int end = matcher.end();
        while (end > index + 1 && input.charAt(end - 1) == '/') {
            end--;
        }
        inlineParser.flushTextNode();
        inlineParser.getBlock().appendChild(new Tag(input.subSequence(index, end), name));
        inlineParser.setIndex(end);
        return true;
    }

    public static class Factory implements InlineParserExtensionFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public CharSequence getCharacters() {
            return "#";
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new TagParser(inlineParser);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
