package dev.drillbook.vault;

import dev.drillbook.markdown.MarkdownFacts;
import dev.drillbook.markdown.MarkdownProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one version of a note's file says, read and parsed once: what the vault index stores, so that a restart
 * does not read or parse unchanged files again. Depends on the file alone (links are as written, not resolved).
 *
 * @param path vault-relative path ({@code rag/Overview.md})
 * @param title front-matter {@code title}, else the file name
 * @param aliases front-matter aliases
 * @param frontMatterTags the tags given in front matter
 * @param cssClasses front-matter {@code cssclasses}, added to the note's wrapper
 * @param properties every other front-matter key
 * @param facts what the Markdown body says (headings, links, tags, sections)
 * @param fileProblems problems with the file itself (encoding, size, front matter), as opposed to its Markdown
 * @param modified last modification time on disk when read
 * @param size file size in bytes when read
 * @param hash SHA-256 of the file's bytes (hex), or "" when it could not be read
 */
public record NoteContent(String path, String title, List<String> aliases, List<String> frontMatterTags,
        List<String> cssClasses, Map<String, Object> properties, MarkdownFacts facts, List<MarkdownProblem> fileProblems,
        Instant modified, long size, String hash) {

    public NoteContent {
        aliases = List.copyOf(aliases);
        frontMatterTags = List.copyOf(frontMatterTags);
        cssClasses = List.copyOf(cssClasses);
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        fileProblems = List.copyOf(fileProblems);
    }

    /** The same content, read again from a file whose bytes did not change but whose time did. */
    public NoteContent touched(Instant modifiedNow) {
        return new NoteContent(path, title, aliases, frontMatterTags, cssClasses, properties, facts, fileProblems,
                modifiedNow, size, hash);
    }

    /** Whether the file on disk may have changed since this was read (size or modification time differ). */
    public boolean staleAgainst(long sizeNow, Instant modifiedNow) {
        return size != sizeNow || !modified.equals(modifiedNow);
    }
}
