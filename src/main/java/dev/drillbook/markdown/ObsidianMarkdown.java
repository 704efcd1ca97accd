package dev.drillbook.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import dev.drillbook.markdown.blockid.BlockIdExtension;
import dev.drillbook.markdown.callout.CalloutExtension;
import dev.drillbook.markdown.comment.CommentStripper;
import dev.drillbook.markdown.highlight.HighlightExtension;
import dev.drillbook.markdown.html.HtmlSanitizer;
import dev.drillbook.markdown.html.RawHtmlExtension;
import dev.drillbook.markdown.math.MathExtension;
import dev.drillbook.markdown.mdlink.MarkdownLinkExtension;
import dev.drillbook.markdown.tag.TagExtension;
import dev.drillbook.markdown.wikilink.WikiLinkExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * Obsidian-flavoured Markdown: the one parser of notes, cards and drills. {@link #facts} reads what the vault keeps
 * about a note (headings, links, tags, sections) off the flexmark tree; {@link #html} renders it. The flexmark parser
 * and renderer are built once and shared by all threads; everything per document travels in a
 * {@link RenderContext} attached to the document.
 *
 * <p>Usage: {@code markdown.facts(body, frontMatterLines)}, then {@code markdown.html(facts.source(), path, vault, true)}.
 */
@jakarta.inject.Singleton
public final class ObsidianMarkdown {

    /**
     * Changes whenever parsing or the facts read from it change: facts stored under another version are read again.
     */
    public static final int VERSION = 3;

    private final Parser parser;
    private final HtmlRenderer renderer;

    public ObsidianMarkdown() {
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                FootnoteExtension.create(),
                AutolinkExtension.create(),
                MathExtension.create(),
                WikiLinkExtension.create(),
                CalloutExtension.create(),
                HighlightExtension.create(),
                TagExtension.create(),
                BlockIdExtension.create(),
                RawHtmlExtension.create(),
                MarkdownLinkExtension.create());
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, extensions);
        options.set(TablesExtension.COLUMN_SPANS, false);
        // GFM and Obsidian accept delimiter cells of one dash ("-|-", "-- | --")
        options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, AnchorIds.TO_DASH_CHARS);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true);
        // Obsidian's default ("strict line breaks" off) shows a single newline as a line break.
        options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.set(HtmlRenderer.FENCED_CODE_NO_LANGUAGE_CLASS, "language-plaintext");
        options.set(TaskListExtension.ITEM_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"checked\" disabled=\"disabled\" />");
        options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />");
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u21a9\ufe0e");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Parses a note's body once: comments removed, heading ids assigned, and the facts the vault keeps read off the
     * same tree that renders. Facts depend on the text alone, never on other notes, so they can be stored.
     *
     * @param lineOffset lines before the body (front matter), so that problems and links carry file lines
     */
    public MarkdownFacts facts(String body, int lineOffset) {
        CommentStripper.Result stripped = CommentStripper.strip(normalize(body));
        NestingLimit.Result limited = NestingLimit.apply(stripped.text());
        Document document = parser.parse(limited.text());
        // the ids the renderer will give the headings (it runs the same generator with the same options)
        new HeaderIdGenerator(document).generateIds(document);
        DocumentFacts facts = DocumentFacts.collect(document, limited.text(), lineOffset);
        List<MarkdownProblem> problems = new ArrayList<>(facts.problems());
        if (limited.cut()) {
            problems.add(new MarkdownProblem(MarkdownProblem.TOO_DEEP, "Quotes, callouts or lists nest more than "
                    + NestingLimit.MAX_DEPTH + " levels deep here; deeper levels are shown as text.",
                    limited.firstCutLine() + 1 + lineOffset));
        }
        if (stripped.unterminated()) {
            problems.add(new MarkdownProblem(MarkdownProblem.UNTERMINATED_COMMENT,
                    "A %% comment is never closed, so everything after it is hidden. Add the closing %%.",
                    stripped.unterminatedLine() + lineOffset));
        }
        return new MarkdownFacts(facts.headings(), facts.links(), facts.tags(), facts.anchors(), facts.sections(),
                problems, limited.text(), lineOffset);
    }

    /**
     * HTML for text already stripped of comments ({@link MarkdownFacts#source()} or a range of it), with links
     * resolved by {@code targets}.
     *
     * @param embedNotes false to render note embeds as links (cards, previews)
     */
    public HtmlTemplate html(String strippedSource, String path, LinkTargets targets, boolean embedNotes) {
        Document document = parser.parse(strippedSource);
        RenderContext context = new RenderContext(path, targets, embedNotes);
        document.set(RenderContext.KEY, context);
        String html = HtmlSanitizer.sanitize(renderer.render(document), HtmlTemplate.SLOT);
        return HtmlTemplate.split(html, context.embeds());
    }

    /** A whole note's HTML from its body, as its page shows it before embeds are filled in (tests, previews). */
    public HtmlTemplate renderNote(String body, String path, LinkTargets targets) {
        return html(prepared(body), path, targets, true);
    }

    /** A snippet of Markdown (a card side, a drill section) to HTML; embeds of notes become links. */
    public String renderFragment(String markdown, String path, LinkTargets targets) {
        return html(prepared(markdown), path, targets, false).withoutEmbeds();
    }

    /** What {@link #facts} parses: comments removed, nesting bounded. */
    private static String prepared(String markdown) {
        return NestingLimit.apply(CommentStripper.strip(normalize(markdown)).text()).text();
    }

    /** {@code \r\n} → {@code \n}; NUL (the embed slot marker) → U+FFFD as CommonMark says. */
    public static String normalize(String text) {
        String out = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        return out.indexOf('\u0000') >= 0 ? out.replace('\u0000', '\uFFFD') : out;
    }
}
