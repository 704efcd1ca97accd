package dev.drillbook.markdown;

/**
 * A link or embed as written in a note (never in code or comments), before the vault says where it points.
 *
 * @param target the file part as written ({@code Note}, {@code folder/Note.md}, {@code x.png}); empty for same-note links
 * @param anchor heading text or {@code ^blockid}, or null
 * @param display the text shown for it
 * @param embed true for {@code ![[…]]} and Markdown images
 * @param optional true for a Markdown link that does not look like a note ({@code [t](docs/page)}): it counts as a
 *     link only if the vault has a file of that name
 * @param line 1-based file line
 * @param offset where it starts in the note's comment-free body ({@link MarkdownFacts#source()})
 * @param context where the paragraph around it (or, in a long one, the lines it is on) lies in the source, for backlinks
 */
public record LinkRef(String target, String anchor, String display, boolean embed, boolean optional, int line, int offset,
        SourceRange context) {

    /**
     * The Markdown of the context in {@code source} (the note's {@link MarkdownFacts#source()}), without the quote
     * and callout markers in front of its lines.
     */
    public String context(String source) {
        String text = source.substring(Math.min(context.start(), source.length()), Math.min(context.end(), source.length()));
        return QUOTE_MARKERS.matcher(text).replaceAll("").strip();
    }

    private static final java.util.regex.Pattern QUOTE_MARKERS = java.util.regex.Pattern.compile("(?m)^[ \t]*(?:>[ \t]?)+");
}
