package dev.drillbook.markdown.math;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/**
 * {@code $$} display blocks: opened by a line that starts with {@code $$} (up to three spaces of indent, so it works
 * in list items and callouts too), closed by the first line that ends with {@code $$}. {@code $$x$$} alone on a line
 * is a one-line block. A line like {@code $$a$$ and more} is left to the inline parser. A block not closed by its
 * first blank line ends there, unclosed: it is shown as the text it is, and reported.
 */
public class MathBlockParser extends AbstractBlockParser {

    private final DisplayMath block = new DisplayMath();
    private final StringBuilder tex = new StringBuilder();
    private BlockContent content = new BlockContent();
    private boolean closed;

    MathBlockParser(String firstLineTex, boolean closedOnFirstLine) {
        if (!firstLineTex.isBlank()) {
            tex.append(firstLineTex.strip());
        }
        this.closed = closedOnFirstLine;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        BasedSequence line = state.getLine().subSequence(state.getIndex());
        String text = line.toString().stripTrailing();
        if (text.isBlank() && tex.length() > 0) {
            // TeX has no blank lines in math: a block still open here was never closed, and must not swallow the note
            return BlockContinue.none();
        }
        if (text.endsWith("$$")) {
            String before = text.substring(0, text.length() - 2);
            appendLine(before);
            closed = true;
            return BlockContinue.atIndex(state.getLineEndIndex());
        }
        appendLine(text);
        return BlockContinue.atIndex(state.getIndex());
    }

    private void appendLine(String line) {
        if (line.isBlank() && tex.length() == 0) {
            return;
        }
        if (tex.length() > 0) {
            tex.append('\n');
        }
        tex.append(line);
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        content.add(line, state.getIndent());
    }

    @Override
    public void closeBlock(ParserState state) {
        block.setContent(content);
        block.setCharsFromContent();
        block.setTex(tex.toString().strip());
        block.setClosed(closed);
        content = null;
    }

    @Override
    public boolean isContainer() {
        return false;
    }

    @Override
    public boolean canContain(ParserState state, com.vladsch.flexmark.parser.block.BlockParser blockParser, Block block) {
        return false;
    }

    @Override
    public void parseInlines(InlineParser inlineParser) {
    }

    public static class Factory implements CustomBlockParserFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new StartFactory(options);
        }
    }

    /** True when a paragraph is open in a container this line did not match (the line would continue it lazily). */
    private static boolean isLazyContinuation(ParserState state, MatchedBlockParser matched) {
        return state.getActiveBlockParser() instanceof com.vladsch.flexmark.parser.core.ParagraphParser
                && state.getActiveBlockParser() != matched.getBlockParser();
    }

    private static class StartFactory extends AbstractBlockParserFactory {
        StartFactory(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            if (isLazyContinuation(state, matchedBlockParser)) {
                // "$$" under a list item's paragraph, indented less than the item: CommonMark makes it a lazy
                // continuation line of that paragraph, so the list goes on; the inline parser typesets it
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            int start = state.getNextNonSpaceIndex();
            String rest = line.subSequence(start).toString().stripTrailing();
            if (!rest.startsWith("$$")) {
                return BlockStart.none();
            }
            String afterOpen = rest.substring(2);
            int close = afterOpen.indexOf("$$");
            if (close >= 0) {
                if (close != afterOpen.length() - 2 || afterOpen.substring(0, close).isBlank()) {
                    return BlockStart.none();
                }
                return BlockStart.of(new MathBlockParser(afterOpen.substring(0, close), true))
                        .atIndex(state.getLineEndIndex());
            }
            return BlockStart.of(new MathBlockParser(afterOpen, false)).atIndex(state.getLineEndIndex());
        }
    }
}
