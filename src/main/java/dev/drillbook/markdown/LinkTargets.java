package dev.drillbook.markdown;

/**
 * What the Markdown layer needs from the vault: turning the target part of a link into a file.
 * Implemented by the vault's name index; {@link #NONE} resolves nothing (cards rendered outside a vault, tests).
 */
@FunctionalInterface
public interface LinkTargets {

    /**
     * Resolves link text such as {@code Note}, {@code folder/Note}, {@code Note.md} or {@code diagram.png}.
     *
     * @param target the link target without anchor or display text, never blank
     * @param fromPath vault path of the note holding the link (null when rendered outside a note)
     */
    Resolution resolve(String target, String fromPath);

    LinkTargets NONE = (target, fromPath) -> Resolution.unresolved();
}
