package dev.drillbook.markdown;

/**
 * Bounds how deeply quotes, callouts and lists nest before flexmark sees a note: flexmark and the renderers recurse
 * once per level, so 10,000 nested {@code >} overflow the stack. Past {@link #MAX_DEPTH} levels on a line (each
 * {@code >}, each list marker, and every two columns of indentation before the first marker count as one), a
 * backslash goes before the next marker, so the rest of the line is text inside the deepest allowed block. Lines
 * inside fenced code are left alone. No note written by hand nests this deep.
 */
public final class NestingLimit {

    public static final int MAX_DEPTH = 64;

    /** The limited text, and the first (0-based) line that was cut, or -1. */
    public record Result(String text, int firstCutLine) {
        public boolean cut() {
            return firstCutLine >= 0;
        }
    }

    private NestingLimit() {
    }

    public static Result apply(String text) {
        if (text.length() < MAX_DEPTH) {
            return new Result(text, -1);
        }
        StringBuilder out = null;
        int firstCut = -1;
        boolean fenced = false;
        int line = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String stripped = text.substring(start, Math.min(end, start + 4 + MAX_DEPTH * 4)).stripLeading();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
            }
            int cut = fenced ? -1 : cutAt(text, start, end);
            if (cut >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, start);
                }
                out.append(text, start, cut).append('\\').append(text, cut, Math.min(end + 1, text.length()));
                firstCut = firstCut < 0 ? line : firstCut;
            } else if (out != null) {
                out.append(text, start, Math.min(end + 1, text.length()));
            }
            start = end + 1;
            line++;
        }
        return new Result(out == null ? text : out.toString(), firstCut);
    }

    /** Index of the marker that would open level {@code MAX_DEPTH + 1} on this line, or -1. */
    private static int cutAt(String text, int start, int end) {
        int depth = 0;
        int column = 0;
        boolean markerSeen = false;
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                column += c == '\t' ? 4 : 1;
                i++;
                continue;
            }
            int markerEnd = markerEnd(text, i, end);
            if (markerEnd < 0) {
                return -1;
            }
            int levels = 1 + (markerSeen ? 0 : column / 2);
            if (depth + levels > MAX_DEPTH) {
                return i;
            }
            depth += levels;
            markerSeen = true;
            column = 0;
            i = markerEnd;
        }
        return -1;
    }

    /** End of a container marker at {@code i} ({@code >}, {@code -}/{@code *}/{@code +} or {@code 1.} + space), or -1. */
    private static int markerEnd(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        if ((c == '-' || c == '*' || c == '+') && i + 1 < end && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
            return i + 1;
        }
        int j = i;
        while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j > i && j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                && (text.charAt(j + 1) == ' ' || text.charAt(j + 1) == '\t')) {
            return j + 1;
        }
        return -1;
    }
}
