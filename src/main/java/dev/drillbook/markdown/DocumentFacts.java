package dev.drillbook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;

import dev.drillbook.markdown.blockid.BlockIds;
import dev.drillbook.markdown.callout.CalloutTitle;
import dev.drillbook.markdown.math.DisplayMath;
import dev.drillbook.markdown.math.InlineMath;
import dev.drillbook.markdown.mdlink.LocalLink;
import dev.drillbook.markdown.tag.Tag;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.markdown.wikilink.WikiLink;
import dev.drillbook.markdown.wikilink.WikiTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One walk over a parsed document collecting what the vault keeps: headings, links and embeds as written, tags,
 * section and block ranges, readable text per section. Code, math, raw HTML and comments
 * contribute no links or tags (comments are already gone; code is visited only for its text).
 */
final class DocumentFacts {

    private final int lineOffset;
    private final String source;
    private final int[] lineStarts;
    private final List<NoteHeading> headings = new ArrayList<>();
    private final List<Integer> headingStarts = new ArrayList<>();
    private final List<LinkRef> links = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<TextSection> sections = new ArrayList<>();
    private final List<MarkdownProblem> problems = new ArrayList<>();
    private final Map<String, SourceRange> anchors = new LinkedHashMap<>();
    private StringBuilder text = new StringBuilder();
    private String sectionHeading;
    private String sectionId;

    private DocumentFacts(int lineOffset, String source) {
        this.lineOffset = lineOffset;
        this.source = source;
        this.lineStarts = lineStarts(source);
    }

    /** Offsets where each line starts: flexmark's own line lookup rescans the text from the top every time. */
    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /** The facts of a parsed document whose headings already have their ids. */
    static DocumentFacts collect(Document document, String source, int lineOffset) {
        DocumentFacts facts = new DocumentFacts(lineOffset, source);
        facts.visitChildren(document);
        facts.closeSection();
        facts.computeRanges(document);
        return facts;
    }

    private void visitChildren(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child);
        }
    }

    private void visit(Node node) {
        if (node instanceof Heading heading) {
            closeSection();
            String title = inlineText(heading).strip();
            String id = heading.getAnchorRefId();
            headings.add(new NoteHeading(heading.getLevel(), title, id, line(heading)));
            headingStarts.add(heading.getStartOffset());
            sectionHeading = title;
            sectionId = id;
            StringBuilder saved = text;
            text = new StringBuilder();
            visitChildren(heading);
            text = saved;
        } else if (node instanceof WikiLink link) {
            addWikiLink(link);
        } else if (node instanceof Link link) {
            addMarkdownLink(link.getUrl().toString(), link, false);
            visitChildren(link);
        } else if (node instanceof Image image) {
            addMarkdownLink(image.getUrl().toString(), image, true);
        } else if (node instanceof Tag tag) {
            tags.putIfAbsent(Tags.key(tag.name()), tag.name());
            text.append(tag.name());
        } else if (node instanceof DisplayMath math && !math.closed()) {
            problems.add(new MarkdownProblem(MarkdownProblem.UNCLOSED_MATH, "A $$ math block is not closed before the next "
                    + "blank line, so it is shown as text. Add the closing $$.", line(math)));
            text.append("$$ ").append(math.tex()).append('\n');
        } else if (node instanceof InlineMath || node instanceof DisplayMath || node instanceof HtmlBlock
                || node instanceof HtmlInline) {
            text.append(' ');
        } else if (node instanceof FencedCodeBlock code) {
            text.append(code.getContentChars()).append('\n');
        } else if (node instanceof IndentedCodeBlock code) {
            text.append(code.getContentChars()).append('\n');
        } else if (node instanceof Code code) {
            text.append(code.getText());
        } else if (node instanceof Text) {
            text.append(Escaping.unescapeString(node.getChars().toString()));
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            text.append(' ');
        } else {
            visitChildren(node);
            if (node instanceof Block || node instanceof CalloutTitle) {
                text.append('\n');
            } else if (node instanceof TableCell) {
                text.append(' ');
            }
        }
    }

    private void addWikiLink(WikiLink node) {
        WikiTarget target = node.target();
        String display = target.defaultDisplay();
        if (!node.embed()) {
            text.append(display);
        }
        if (!target.external()) {
            links.add(new LinkRef(target.file(), target.anchor(), display, node.embed(), false, line(node),
                    node.getStartOffset(), context(node)));
        }
    }

    private void addMarkdownLink(String url, Node node, boolean embed) {
        LocalLink local = LocalLink.parse(url);
        if (local != null) {
            String display = embed ? local.file() : inlineText(node).strip();
            links.add(new LinkRef(local.file(), local.anchor(), display, embed,
                    !embed && !local.file().isEmpty() && !local.looksLikeNote(), line(node), node.getStartOffset(),
                    context(node)));
        }
    }

    /** Longest context kept for a backlink: a longer paragraph is cut to the lines around the link. */
    static final int CONTEXT_LENGTH = 300;

    /**
     * Where the Markdown around a link lies, as a backlink shows it: its paragraph, or, when that is long, the lines
     * of it the link is on; outside a paragraph (a table cell, a heading), its line.
     */
    private SourceRange context(Node node) {
        Node block = node.getAncestorOfType(Paragraph.class);
        if (block instanceof Paragraph paragraph && !paragraph.getContentLines().isEmpty()) {
            List<BasedSequence> lines = paragraph.getContentLines();
            int start = lines.get(0).getStartOffset();
            int end = lines.get(lines.size() - 1).getEndOffset();
            if (end - start <= CONTEXT_LENGTH) {
                return new SourceRange(start, end);
            }
            int nearStart = -1;
            int nearEnd = -1;
            for (BasedSequence line : lines) {
                if (line.getStartOffset() <= node.getEndOffset() && line.getEndOffset() >= node.getStartOffset()) {
                    nearStart = nearStart < 0 ? line.getStartOffset() : nearStart;
                    nearEnd = line.getEndOffset();
                }
            }
            if (nearStart >= 0) {
                return new SourceRange(nearStart, nearEnd);
            }
        }
        int start = source.lastIndexOf('\n', Math.max(0, node.getStartOffset() - 1)) + 1;
        int end = source.indexOf('\n', node.getStartOffset());
        return new SourceRange(start, end < 0 ? source.length() : end);
    }

    private void closeSection() {
        String body = squeeze(text);
        if (sectionHeading != null || !body.isEmpty()) {
            sections.add(new TextSection(sectionHeading, sectionId, body));
        }
        text = new StringBuilder(256);
        sectionHeading = null;
        sectionId = null;
    }

    /** Runs of spaces become one space, runs of line breaks (with the spaces around them) one line break. */
    static String squeeze(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 1);
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newline = true;
            } else if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (out.length() > 0) {
                    if (newline) {
                        out.append('\n');
                    } else if (space) {
                        out.append(' ');
                    }
                }
                space = false;
                newline = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private void computeRanges(Document document) {
        for (int i = 0; i < headings.size(); i++) {
            NoteHeading heading = headings.get(i);
            int end = source.length();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level() <= heading.level()) {
                    end = headingStarts.get(j);
                    break;
                }
            }
            if (heading.id() != null) {
                anchors.putIfAbsent(heading.id(), new SourceRange(headingStarts.get(i), end));
            }
        }
        BlockIds.all(document).forEach((id, block) ->
                anchors.putIfAbsent(id, new SourceRange(block.getStartOffset(), block.getEndOffset())));
    }

    private int line(Node node) {
        int index = java.util.Arrays.binarySearch(lineStarts, node.getStartOffset());
        int zeroBased = index >= 0 ? index : -index - 2;
        return zeroBased + 1 + lineOffset;
    }

    /** Readable inline text of a node, wikilinks as their display text. */
    private static String inlineText(Node node) {
        StringBuilder out = new StringBuilder();
        appendInline(node, out);
        return out.toString();
    }

    private static void appendInline(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text) {
                out.append(Escaping.unescapeString(child.getChars().toString()));
            } else if (child instanceof Code code) {
                out.append(code.getText());
            } else if (child instanceof WikiLink link) {
                out.append(link.target().defaultDisplay());
            } else if (child instanceof Tag tag) {
                out.append('#').append(tag.name());
            } else if (child instanceof InlineMath math) {
                out.append(math.tex());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                out.append(' ');
            } else {
                appendInline(child, out);
            }
        }
    }

    List<NoteHeading> headings() {
        return headings;
    }

    List<LinkRef> links() {
        return links;
    }

    List<String> tags() {
        return new ArrayList<>(tags.values());
    }

    Map<String, SourceRange> anchors() {
        return anchors;
    }

    List<TextSection> sections() {
        return sections;
    }

    List<MarkdownProblem> problems() {
        return problems;
    }
}
