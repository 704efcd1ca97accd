package dev.drillbook.vault;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.FrontMatterParser;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.SiteUrls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a file's text into a {@link Note}: front matter first, then Markdown, then the two merged. */
public final class NoteBuilder {

    private final ObsidianMarkdown markdown;

    public NoteBuilder(ObsidianMarkdown markdown) {
        this.markdown = markdown;
    }

    /** Only the front matter: what the name index needs before any note is rendered. */
    public static FrontMatter frontMatter(String text) {
        return FrontMatterParser.parse(ObsidianMarkdown.normalize(text));
    }

    public Note build(String path, String text, Instant modified, long size, LinkTargets targets) {
        return build(path, frontMatter(text), modified, size, targets, List.of());
    }

    public Note build(String path, FrontMatter frontMatter, Instant modified, long size, LinkTargets targets,
            List<MarkdownProblem> extraProblems) {
        RenderedMarkdown rendered = markdown.parse(frontMatter.body(), path, targets, frontMatter.bodyLineOffset());
        LazyHtml html = new LazyHtml(() -> markdown.html(rendered.source(), path, targets, true));
        Map<String, String> tags = new LinkedHashMap<>();
        frontMatter.tags().forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        rendered.tags().forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        List<MarkdownProblem> problems = new ArrayList<>(extraProblems);
        if (frontMatter.problem() != null) {
            problems.add(frontMatter.problem());
        }
        problems.addAll(rendered.problems());
        String title = frontMatter.title() != null ? frontMatter.title() : SiteUrls.baseName(path);
        return new Note(path, title, frontMatter.aliases(), List.copyOf(tags.values()), frontMatter.cssClasses(),
                frontMatter.properties(), rendered, html, problems, modified, size);
    }

    /** A note whose file could not be read: it keeps its place in the vault and says why. */
    public Note unreadable(String path, String reason, Instant modified) {
        RenderedMarkdown rendered = markdown.render("", path, LinkTargets.NONE, 0);
        return new Note(path, SiteUrls.baseName(path), List.of(), List.of(), List.of(), Map.of(), rendered,
                LazyHtml.of(rendered.html()), List.of(new MarkdownProblem(MarkdownProblem.UNREADABLE, reason, null)),
                modified, 0);
    }

    /** Renders part of a note (a heading's section or a block, already comment-free) for an embed. */
    public HtmlTemplate renderPart(Note note, String source, LinkTargets targets) {
        return markdown.html(source, note.path(), targets, true);
    }
}
