package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/** Parses {@code [[…]]} and {@code ![[…]]} on one line into {@link WikiLink} nodes. */
public class WikiLinkParser implements InlineParserExtension {

    public WikiLinkParser(LightInlineParser inlineParser) {
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
        int start = inlineParser.getIndex();
        boolean embed = input.charAt(start) == '!';
        int open = start + (embed ? 1 : 0);
        if (open + 1 >= input.length() || input.charAt(open) != '[' || input.charAt(open + 1) != '[') {
            return false;
        }
        int innerStart = open + 2;
        int close = -1;
        for (int i = innerStart; i + 1 < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\n' || (c == '[' && input.charAt(i + 1) == '[')) {
                return false;
            }
            if (c == ']' && input.charAt(i + 1) == ']') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        String inner = input.subSequence(innerStart, close).toString();
        if (inner.isBlank()) {
            return false;
        }
        WikiTarget target = WikiTarget.parse(inner, embed);
        if (target.file().isEmpty() && target.anchor() == null) {
            return false;
        }
        inlineParser.flushTextNode();
        inlineParser.getBlock().appendChild(new WikiLink(input.subSequence(start, close + 2), target, embed));
        inlineParser.setIndex(close + 2);
        return true;
    }

    public static class Factory implements InlineParserExtensionFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public CharSequence getCharacters() {
            return "[!";
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new WikiLinkParser(inlineParser);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
