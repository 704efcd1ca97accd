package dev.drillbook.vault;

import dev.drillbook.markdown.MarkdownFacts;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.TextSection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A note as the vault knows it now: its content (one version of its file) and where its links point in the vault
 * as it is now. Immutable; the vault replaces it when the file changes or when a link of it comes to point elsewhere.
 *
 * @param content what the file says
 * @param tags front-matter and inline tags, first spelling of each
 * @param links the note's links and embeds, resolved against the vault
 * @param url the note's page on this site
 * @param revision changes whenever the note's content or links do (rendered HTML is cached per revision)
 */
public record Note(NoteContent content, List<String> tags, List<NoteLink> links, String url, long revision) {

    public Note {
        tags = List.copyOf(tags);
        links = List.copyOf(links);
    }

    /** The note for {@code content} with {@code links} resolved. */
    public static Note of(NoteContent content, List<NoteLink> links, long revision) {
        Map<String, String> tags = new LinkedHashMap<>();
        content.frontMatterTags().forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        content.facts().tags().forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        return new Note(content, List.copyOf(tags.values()), links, SiteUrls.note(content.path()), revision);
    }

    /** The same content with links pointing elsewhere (another note of the vault appeared, went or was renamed). */
    /** The same note, its file re-read with the same bytes (only the modification time moved). */
    public Note touched(NoteContent sameBytes) {
        return new Note(sameBytes, tags, links, url, revision);
    }

    public Note relinked(List<NoteLink> newLinks, long newRevision) {
        return new Note(content, tags, newLinks, url, newRevision);
    }

    public String path() {
        return content.path();
    }

    public String title() {
        return content.title();
    }

    public List<String> aliases() {
        return content.aliases();
    }

    public List<String> cssClasses() {
        return content.cssClasses();
    }

    public Map<String, Object> properties() {
        return content.properties();
    }

    public List<String> frontMatterTags() {
        return content.frontMatterTags();
    }

    public MarkdownFacts facts() {
        return content.facts();
    }

    public Instant modified() {
        return content.modified();
    }

    public long size() {
        return content.size();
    }

    /** What is wrong with the file and its Markdown (link problems are the vault's, see {@link Vault#problems(Note)}). */
    public List<MarkdownProblem> problems() {
        List<MarkdownProblem> out = new ArrayList<>(content.fileProblems());
        out.addAll(content.facts().problems());
        return out;
    }

    public String folder() {
        return VaultPaths.folder(path());
    }

    public String name() {
        return SiteUrls.baseName(path());
    }

    public List<NoteHeading> headings() {
        return content.facts().headings();
    }

    public List<TextSection> sections() {
        return content.facts().sections();
    }

    public boolean hasTag(String tagKey) {
        for (String tag : tags) {
            String key = tag.toLowerCase(Locale.ROOT);
            if (key.equals(tagKey) || key.startsWith(tagKey + "/")) {
                return true;
            }
        }
        return false;
    }
}
