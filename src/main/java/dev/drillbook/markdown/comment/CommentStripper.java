package dev.drillbook.markdown.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes Obsidian {@code %%comments%%} from note text before anything else reads it (renderer, card parser,
 * search), so a comment hides its content everywhere. {@code %%} inside fenced code blocks and inline code spans
 * is left alone. Line breaks inside a comment are kept so that line numbers of everything after it stay true.
 * An unterminated {@code %%} hides the rest of the text, as in Obsidian, and is reported.
 *
 * <p>Why a text pass rather than an inline parser: a comment may span paragraphs, start mid-line and end blocks
 * later, which no single flexmark block or inline parser sees.
 */
public final class CommentStripper {

    private static final Pattern FENCE = Pattern.compile("^[ \\t>]*(?:[-*+][ \\t]+|\\d+[.)][ \\t]+)?(`{3,}|~{3,})");

    private CommentStripper() {
    }

    /**
     * @param text the stripped text
     * @param unterminatedLine 1-based line of an unterminated {@code %%}, or 0
     */
    public record Result(String text, int unterminatedLine) {
        public boolean unterminated() {
            return unterminatedLine > 0;
        }
    }

    public static Result strip(String source) {
        if (source.indexOf("%%") < 0) {
            return new Result(source, 0);
        }
        StringBuilder out = new StringBuilder(source.length());
        String fence = null;
        boolean inComment = false;
        int commentLine = 0;
        int lineNumber = 0;
        int pos = 0;
        while (pos < source.length()) {
            int eol = source.indexOf('\n', pos);
            int lineEnd = eol < 0 ? source.length() : eol + 1;
            String line = source.substring(pos, lineEnd);
            lineNumber++;
            pos = lineEnd;
            if (!inComment) {
                Matcher m = FENCE.matcher(line);
                if (fence != null) {
                    out.append(line);
                    if (m.find() && m.group(1).charAt(0) == fence.charAt(0) && m.group(1).length() >= fence.length()
                            && line.substring(m.end()).isBlank()) {
                        fence = null;
                    }
                    continue;
                }
                if (m.find()) {
                    fence = m.group(1);
                    out.append(line);
                    continue;
                }
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (inComment) {
                    if (c == '%' && i + 1 < line.length() && line.charAt(i + 1) == '%') {
                        inComment = false;
                        i += 2;
                    } else {
                        if (c == '\n') {
                            out.append('\n');
                        }
                        i++;
                    }
                } else if (c == '`') {
                    int run = runLength(line, i, '`');
                    int close = findClosingRun(line, i + run, run);
                    int end = close < 0 ? i + run : close + run;
                    out.append(line, i, end);
                    i = end;
                } else if (c == '%' && i + 1 < line.length() && line.charAt(i + 1) == '%') {
                    inComment = true;
                    commentLine = lineNumber;
                    i += 2;
                } else {
                    out.append(c);
                    i++;
                }
            }
        }
        return new Result(out.toString(), inComment ? commentLine : 0);
    }

    private static int runLength(String line, int from, char c) {
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static int findClosingRun(String line, int from, int length) {
        int i = from;
        while (i < line.length()) {
            if (line.charAt(i) == '`') {
                int run = runLength(line, i, '`');
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }
}
