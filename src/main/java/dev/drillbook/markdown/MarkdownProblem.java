package dev.drillbook.markdown;

/**
 * Something wrong in a note that the user should fix; the note still renders.
 *
 * @param kind a stable identifier ({@code bad-front-matter}, {@code broken-link}, …)
 * @param message what is wrong and how to fix it, in words
 * @param line 1-based line in the file, or null when it applies to the whole file
 */
public record MarkdownProblem(String kind, String message, Integer line) {

    public static final String BAD_FRONT_MATTER = "bad-front-matter";
    public static final String BROKEN_LINK = "broken-link";
    public static final String AMBIGUOUS_LINK = "ambiguous-link";
    public static final String BROKEN_ANCHOR = "broken-anchor";
    public static final String UNTERMINATED_COMMENT = "unterminated-comment";
    public static final String UNCLOSED_MATH = "unclosed-math";
    public static final String EMBED_CYCLE = "embed-cycle";
    public static final String UNREADABLE = "unreadable-file";
    public static final String TOO_DEEP = "nesting-too-deep";
    public static final String UNPARSEABLE = "unparseable-markdown";
    public static final String INDEX = "vault-index";
}
