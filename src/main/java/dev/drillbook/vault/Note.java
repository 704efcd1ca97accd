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
 * @param rendered the facts indexed from the note (headings, links, tags, sections)
 * @param html the note's HTML, rendered on first use
 * @param problems what is wrong with the note
 * @param modified last modification time on disk
 * @param size file size in bytes
 */
public record Note(String path, String title, List<String> aliases, List<String> tags, List<String> cssClasses,
        Map<String, Object> properties, RenderedMarkdown rendered, LazyHtml html, List<MarkdownProblem> problems,
        Instant modified, long size, Map<String, HtmlTemplate> sectionCache) {

    public Note {
        aliases = List.copyOf(aliases);
        tags = List.copyOf(tags);
        cssClasses = List.copyOf(cssClasses);
        problems = List.copyOf(problems);
    }

    public Note(String path, String title, List<String> aliases, List<String> tags, List<String> cssClasses,
            Map<String, Object> properties, RenderedMarkdown rendered, LazyHtml html, List<MarkdownProblem> problems,
            Instant modified, long size) {
        this(path, title, aliases, tags, cssClasses, properties, rendered, html, problems, modified, size,
                new ConcurrentHashMap<>());
    }

    /** The rendered body with embed slots (rendered now if it was not yet). */
    public HtmlTemplate template() {
        return html.get();
    }

    public String url() {
        return SiteUrls.note(path);
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
