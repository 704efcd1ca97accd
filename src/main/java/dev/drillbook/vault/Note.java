package dev.drillbook.vault;

import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.TextSection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A note as read from disk and rendered once. Immutable except for a cache of rendered sections (for embeds of
 * {@code Note#Heading}), which dies with the note when the file changes.
 *
 * @param path vault-relative path ({@code rag/Overview.md})
 * @param title front-matter {@code title}, else the file name
 * @param aliases front-matter aliases
 * @param tags front-matter and inline tags, first spelling of each
 * @param cssClasses front-matter {@code cssclasses}, added to the note's wrapper
 * @param properties every other front-matter key
 * @param frontMatterTags the tags given in front matter (the rest of {@code tags} are inline)
 * @param fileProblems problems with the file itself (encoding, front matter), as opposed to its Markdown
 * @param rendered the facts indexed from the note (headings, links, tags, sections)
 * @param html the note's HTML, rendered on first use
 * @param problems what is wrong with the note
 * @param modified last modification time on disk
 * @param size file size in bytes
 * @param url the note's page on this site
 * @param sectionCache rendered sections and blocks, for embeds
 * @param snippetCache backlink context sentences already cut out of this note
 */
public record Note(String path, String title, List<String> aliases, List<String> tags, List<String> cssClasses,
        Map<String, Object> properties, List<String> frontMatterTags, List<MarkdownProblem> fileProblems,
        RenderedMarkdown rendered, LazyHtml html, List<MarkdownProblem> problems, Instant modified, long size,
        String url, Map<String, HtmlTemplate> sectionCache, Map<String, String> snippetCache) {

    public Note {
        aliases = List.copyOf(aliases);
        tags = List.copyOf(tags);
        cssClasses = List.copyOf(cssClasses);
        frontMatterTags = List.copyOf(frontMatterTags);
        fileProblems = List.copyOf(fileProblems);
        problems = List.copyOf(problems);
    }

    /** A note from its parts: tags are front-matter tags then inline tags, problems file problems then Markdown ones. */
    public static Note of(String path, String title, List<String> aliases, List<String> frontMatterTags, List<String> cssClasses,
            Map<String, Object> properties, List<MarkdownProblem> fileProblems, RenderedMarkdown rendered, LazyHtml html,
            Instant modified, long size) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        frontMatterTags.forEach(t -> tags.putIfAbsent(t.toLowerCase(java.util.Locale.ROOT), t));
        rendered.tags().forEach(t -> tags.putIfAbsent(t.toLowerCase(java.util.Locale.ROOT), t));
        List<MarkdownProblem> problems = new java.util.ArrayList<>(fileProblems);
        problems.addAll(rendered.problems());
        return new Note(path, title, aliases, List.copyOf(tags.values()), cssClasses, properties, frontMatterTags,
                fileProblems, rendered, html, problems, modified, size, SiteUrls.note(path), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }

    /** The same note with other facts and HTML (from rendering, when the fast scan read something differently). */
    public Note withRendered(RenderedMarkdown facts, LazyHtml newHtml) {
        return of(path, title, aliases, frontMatterTags, cssClasses, properties, fileProblems, facts, newHtml, modified, size);
    }

    /** The rendered body with embed slots (rendered now if it was not yet). */
    public HtmlTemplate template() {
        return html.get();
    }

    public String folder() {
        return VaultPaths.folder(path);
    }

    public String name() {
        return SiteUrls.baseName(path);
    }

    public List<NoteHeading> headings() {
        return rendered.headings();
    }

    public List<NoteLink> links() {
        return rendered.links();
    }

    public List<TextSection> sections() {
        return rendered.sections();
    }

    public boolean hasTag(String tagKey) {
        for (String tag : tags) {
            String key = tag.toLowerCase(java.util.Locale.ROOT);
            if (key.equals(tagKey) || key.startsWith(tagKey + "/")) {
                return true;
            }
        }
        return false;
    }
}
