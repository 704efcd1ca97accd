package dev.drillbook.markdown;

/**
 * A link or embed found in a note (never in code or comments).
 *
 * @param target the file part as written ({@code Note}, {@code folder/Note.md}, {@code x.png}); empty for same-note links
 * @param anchor heading text or {@code ^blockid}, or null
 * @param display the text shown for it
 * @param embed true for {@code ![[…]]} and Markdown images
 * @param resolved vault path it resolved to, or null
 * @param line 1-based file line
 */
public record NoteLink(String target, String anchor, String display, boolean embed, String resolved, int line) {
}
