package dev.drillbook.vault;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.FrontMatterParser;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.scan.FactScanner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns a file's text into a {@link Note}: front matter first, then the note's facts from the fast scanner; its
 * HTML is rendered by flexmark on first use. Rendering also yields flexmark's own facts; where they differ from the
 * scanned ones (only in exotic Markdown), the owner is told so it can swap them in.
 */
public final class NoteBuilder {

    private final ObsidianMarkdown markdown;
    private final BiConsumer<String, RenderedMarkdown> factsCorrected;

    public NoteBuilder(ObsidianMarkdown markdown) {
        this(markdown, (path, facts) -> { });
    }

    /**
     * @param factsCorrected called with a note's path and the rendered facts when they differ from the scanned ones
     */
    public NoteBuilder(ObsidianMarkdown markdown, BiConsumer<String, RenderedMarkdown> factsCorrected) {
        this.markdown = markdown;
        this.factsCorrected = factsCorrected;
    }

    /** Only the front matter: what the name index needs before any note is read further. */
    public static FrontMatter frontMatter(String text) {
        return FrontMatterParser.parse(ObsidianMarkdown.normalize(text));
    }

    public Note build(String path, String text, Instant modified, long size, LinkTargets targets) {
        return build(path, frontMatter(text), modified, size, targets, List.of());
    }

    public Note build(String path, FrontMatter frontMatter, Instant modified, long size, LinkTargets targets,
            List<MarkdownProblem> extraProblems) {
        RenderedMarkdown facts = FactScanner.scan(frontMatter.body(), path, targets, frontMatter.bodyLineOffset());
        LazyHtml html = new LazyHtml(() -> {
            RenderedMarkdown rendered = markdown.render(facts.source(), path, targets, facts.lineOffset());
            if (!sameFacts(facts, rendered)) {
                factsCorrected.accept(path, rendered);
            }
            return rendered.html();
        });
        return note(path, frontMatter, facts, html, modified, size, extraProblems);
    }

    private static Note note(String path, FrontMatter frontMatter, RenderedMarkdown facts, LazyHtml html, Instant modified,
            long size, List<MarkdownProblem> extraProblems) {
        List<MarkdownProblem> fileProblems = new ArrayList<>(extraProblems);
        if (frontMatter.problem() != null) {
            fileProblems.add(frontMatter.problem());
        }
        String title = frontMatter.title() != null ? frontMatter.title() : SiteUrls.baseName(path);
        return Note.of(path, title, frontMatter.aliases(), frontMatter.tags(), frontMatter.cssClasses(),
                frontMatter.properties(), fileProblems, facts, html, modified, size);
    }

    /** Same links, tags, headings (level, id, line) and anchors: what the vault indexes. */
    static boolean sameFacts(RenderedMarkdown a, RenderedMarkdown b) {
        return a.links().equals(b.links()) && a.tags().equals(b.tags()) && headingKeys(a).equals(headingKeys(b))
                && a.anchors().keySet().equals(b.anchors().keySet());
    }

    private static List<String> headingKeys(RenderedMarkdown facts) {
        return facts.headings().stream().map(h -> h.level() + " " + h.id() + " @" + h.line()).toList();
    }

    /** A note whose file could not be read: it keeps its place in the vault and says why. */
    public Note unreadable(String path, String reason, Instant modified) {
        RenderedMarkdown rendered = markdown.render("", path, LinkTargets.NONE, 0);
        return Note.of(path, SiteUrls.baseName(path), List.of(), List.of(), List.of(), Map.of(),
                List.of(new MarkdownProblem(MarkdownProblem.UNREADABLE, reason, null)), rendered,
                LazyHtml.of(rendered.html()), modified, 0);
    }

    /** Renders part of a note (a heading's section or a block, already comment-free) for an embed. */
    public HtmlTemplate renderPart(Note note, String source, LinkTargets targets) {
        return markdown.html(source, note.path(), targets, true);
    }
}
