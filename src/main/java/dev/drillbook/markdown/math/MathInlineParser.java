package dev.drillbook.markdown.math;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/**
 * Parses {@code $…$} and {@code $$…$$} in running text into {@link InlineMath} before emphasis, HTML or table
 * pipes can touch the TeX. Currency is not math (Pandoc's rule): the opening {@code $} must not be followed by
 * whitespace, the closing one must not be preceded by whitespace nor followed by a digit, and a {@code $} after
 * whitespace before any closing one means the first was a price. {@code \$} never
 * opens or closes (the core escape handling consumes a leading one; inside math it is skipped).
 */
public class MathInlineParser implements InlineParserExtension {

    public MathInlineParser(LightInlineParser inlineParser) {
    }

    @Override
    public void finalizeDocument(com.vladsch.flexmark.parser.InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(com.vladsch.flexmark.parser.InlineParser inlineParser) {
    }

    @Override
    public boolean parse(LightInlineParser inlineParser) {
        BasedSequence input = inlineParser.getInput();
        int start = inlineParser.getIndex();
        boolean display = start + 1 < input.length() && input.charAt(start + 1) == '$';
        int open = display ? 2 : 1;
        int contentStart = start + open;
        if (contentStart >= input.length()) {
            return false;
        }
        int close = display ? findDisplayClose(input, contentStart) : findInlineClose(input, contentStart);
        if (close < 0) {
            return false;
        }
        inlineParser.flushTextNode();
        BasedSequence chars = input.subSequence(start, close + open);
        BasedSequence tex = input.subSequence(contentStart, close);
        inlineParser.getBlock().appendChild(new InlineMath(chars, tex, display));
        inlineParser.setIndex(close + open);
        return true;
    }

    /** Index of the {@code $} closing inline math whose content starts at {@code from}, or -1 (currency rule). */
    public static int findInlineClose(CharSequence input, int from) {
        if (Character.isWhitespace(input.charAt(from)) || input.charAt(from) == '$') {
            return -1;
        }
        for (int i = from; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '\n' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
                return -1;
            }
            if (c == '$') {
                boolean spaceBefore = Character.isWhitespace(input.charAt(i - 1));
                boolean digitAfter = i + 1 < input.length() && Character.isDigit(input.charAt(i + 1));
                if (!spaceBefore && !digitAfter && i > from) {
                    return i;
                }
                if (spaceBefore) {
                    // a " $" can only open math: the first $ was a price ("Pay $5, then compute $x^2$")
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Index of the {@code $$} closing display math whose content starts at {@code from}, or -1. */
    public static int findDisplayClose(CharSequence input, int from) {
        for (int i = from; i + 1 < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '$' && input.charAt(i + 1) == '$') {
                return i > from && !input.subSequence(from, i).toString().isBlank() ? i : -1;
            }
        }
        return -1;
    }

    public static class Factory implements InlineParserExtensionFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new MathInlineParser(inlineParser);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
