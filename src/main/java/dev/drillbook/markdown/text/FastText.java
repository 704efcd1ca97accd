package dev.drillbook.markdown.text;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;

/**
 * Text unescaping and HTML escaping without regular expressions on the common path. flexmark runs a regex
 * replace over every text node; most text has no backslash or entity, so the work can be skipped.
 */
public final class FastText {

    private FastText() {
    }

    /** Resolves backslash escapes and entities only when the text has any. */
    public static String unescape(CharSequence chars) {
        String text = string(chars);
        if (text.indexOf('\\') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return Escaping.unescapeString(text);
    }

    /**
     * The characters as a String. A flexmark sequence that is one contiguous slice of the parsed text is cut
     * straight out of it ({@code toString()} would copy it one {@code charAt} at a time).
     */
    public static String string(CharSequence chars) {
        if (chars instanceof String s) {
            return s;
        }
        if (chars instanceof BasedSequence based && !(chars instanceof SegmentedSequence)
                && based.getBase() instanceof String base) {
            int start = based.getStartOffset();
            int end = based.getEndOffset();
            if (end - start == based.length() && end <= base.length()) {
                return base.substring(start, end);
            }
        }
        return chars.toString();
    }

    /** Escapes {@code & < > "} for HTML text and attribute values. */
    public static String escapeHtml(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                break;
            }
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
