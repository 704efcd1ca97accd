package dev.drillbook.markdown;

/**
 * A link or embed of a note, with where it points in the vault now.
 *
 * @param ref the link as written
 * @param resolved vault path it resolves to, or null
 */
public record NoteLink(LinkRef ref, String resolved) {

    /** The file part as written ({@code Note}, {@code folder/Note.md}, {@code x.png}); empty for same-note links. */
    public String target() {
        return ref.target();
    }

    /** Heading text or {@code ^blockid}, or null. */
    public String anchor() {
        return ref.anchor();
    }

    /** The text shown for it. */
    public String display() {
        return ref.display();
    }

    /** True for {@code ![[…]]} and Markdown images. */
    public boolean embed() {
        return ref.embed();
    }

    /** 1-based file line. */
    public int line() {
        return ref.line();
    }
}
