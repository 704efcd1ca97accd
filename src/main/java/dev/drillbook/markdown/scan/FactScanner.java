package dev.drillbook.markdown.scan;

import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;

import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.LinkProblems;
import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SourceRange;
import dev.drillbook.markdown.TextSection;
import dev.drillbook.markdown.comment.CommentStripper;
import dev.drillbook.markdown.math.MathInlineParser;
import dev.drillbook.markdown.mdlink.LocalLink;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.markdown.text.FastText;
import dev.drillbook.markdown.wikilink.WikiTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a note's facts — headings with their ids, links and embeds, tags, block ids, readable text per section —
 * in one pass over its lines, without building a syntax tree. Loading a vault needs these facts for every note;
 * flexmark needs about ten times longer for them (most of it spent warming up its code on a cold JVM).
 *
 * <p>It follows the same rules as the flexmark extensions (code, math, comments and raw HTML hold no links or
 * tags; heading ids use flexmark's generator), and {@code FactScannerConsistencyTest} checks that both agree on
 * real notes. Where Markdown is ambiguous enough that they could still differ, the flexmark facts computed when
 * the note is rendered replace these.
 */
public final class FactScanner {

    private static final Pattern ATX = Pattern.compile("(#{1,6})(?:[ \\t]+(.*?))??(?:[ \\t]+#+)?[ \\t]*");
    private static final Pattern FENCE = Pattern.compile("(`{3,}|~{3,})(.*)");
    private static final Pattern LIST_MARKER = Pattern.compile("([-*+]|\\d{1,9}[.)])(?:[ \\t]+|$)");
    private static final Pattern TASK = Pattern.compile("\\[[ xX]][ \\t]+");
    private static final Pattern THEMATIC = Pattern.compile("(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})");
    private static final Pattern SETEXT = Pattern.compile("(=+|-+)[ \\t]*");
    private static final Pattern CALLOUT = Pattern.compile("\\[![\\p{L}\\p{N}_-]+][+-]?[ \\t]*");
    private static final Pattern TAG = Pattern.compile("#(" + Tags.NAME.pattern() + ")");
    private static final Pattern HTML_RAW_START = Pattern.compile("(?i)<(script|pre|style|textarea)(?:\\s|>|$).*");
    private static final Pattern HTML_BLOCK_START = Pattern.compile("(?i)</?([a-z][a-z0-9-]*)(?:\\s|/?>|$).*");
    private static final Pattern HTML_TAG_LINE = Pattern.compile(
            "(?i)(?:<[a-z][a-z0-9-]*(?:\\s+[a-z_:][a-z0-9_.:-]*(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*\\s*/?>|</[a-z][a-z0-9-]*\\s*>)\\s*");
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "base", "basefont", "blockquote",
            "body", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
            "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav",
            "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody",
            "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");

    private FactScanner() {
    }

    /** Facts of a note body (front matter already removed); {@code html} is left null. */
    public static RenderedMarkdown scan(String body, String path, LinkTargets targets, int lineOffset) {
        CommentStripper.Result stripped = CommentStripper.strip(ObsidianMarkdown.normalize(body));
        Scan scan = new Scan(stripped.text(), path, targets, lineOffset);
        scan.run();
        List<MarkdownProblem> problems = new ArrayList<>(scan.problems);
        if (stripped.unterminated()) {
            problems.add(new MarkdownProblem(MarkdownProblem.UNTERMINATED_COMMENT,
                    "A %% comment is never closed, so everything after it is hidden. Add the closing %%.",
                    stripped.unterminatedLine() + lineOffset));
        }
        return new RenderedMarkdown(null, scan.headings, scan.links, new ArrayList<>(scan.tags.values()), scan.anchors(),
                scan.sections, problems, stripped.text(), lineOffset);
    }

    /** State of one scan. */
    private static final class Scan {
        private final String src;
        private final String path;
        private final LinkTargets targets;
        private final int lineOffset;
        private final Map<String, Resolution> resolutions = new HashMap<>();
        private final List<NoteHeading> headings = new ArrayList<>();
        private final List<Integer> headingStarts = new ArrayList<>();
        private final List<NoteLink> links = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<TextSection> sections = new ArrayList<>();
        private final List<MarkdownProblem> problems = new ArrayList<>();
        private final Map<String, Integer> idCounts = new HashMap<>();
        private final Map<String, SourceRange> blockAnchors = new LinkedHashMap<>();
        private StringBuilder text = new StringBuilder(512);
        private String sectionHeading;
        private String sectionId;

        // paragraph being collected
        private final StringBuilder para = new StringBuilder(256);
        private int paraStart = -1;
        private int paraEnd;
        private int paraLine;
        private boolean paraInItem;
        private int paraItemStart;
        // open blocks
        private String fence;
        private boolean inMath;
        private String htmlEnd;
        private int blockStart = -1;
        // lists
        private int listStart = -1;
        private int listEnd;
        private int itemIndent = -1;
        private int itemStart = -1;
        private int itemEnd;
        private boolean itemHasParagraph;
        private boolean blankBefore;
        // the last finished top-level block, for a "^id" standing alone after it
        private int previousStart = -1;
        private int previousEnd;

        Scan(String src, String path, LinkTargets targets, int lineOffset) {
            this.src = src;
            this.path = path;
            this.targets = targets;
            this.lineOffset = lineOffset;
        }

        void run() {
            int lineNo = 0;
            int pos = 0;
            while (pos <= src.length()) {
                int eol = src.indexOf('\n', pos);
                int end = eol < 0 ? src.length() : eol;
                lineNo++;
                line(pos, end, lineNo);
                if (eol < 0) {
                    break;
                }
                pos = eol + 1;
            }
            flushParagraph();
            endList();
            closeSection();
        }

        private void line(int start, int end, int lineNo) {
            // blockquote markers
            int p = start;
            int quotes = 0;
            while (true) {
                int q = p;
                int spaces = 0;
                while (q < end && src.charAt(q) == ' ' && spaces < 3) {
                    q++;
                    spaces++;
                }
                if (q < end && src.charAt(q) == '>') {
                    quotes++;
                    p = q + 1;
                    if (p < end && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
                        p++;
                    }
                } else {
                    break;
                }
            }
            if (fence != null) {
                String rest = src.substring(p, end).strip();
                if (rest.length() >= fence.length() && rest.charAt(0) == fence.charAt(0) && isRun(rest, fence.charAt(0))) {
                    fence = null;
                    endBlock(end);
                } else {
                    text.append(src, p, end).append('\n');
                }
                return;
            }
            if (inMath) {
                if (src.substring(p, end).stripTrailing().endsWith("$$")) {
                    inMath = false;
                    endBlock(end);
                }
                return;
            }
            if (htmlEnd != null) {
                boolean done = htmlEnd.isEmpty() ? src.substring(p, end).isBlank()
                        : src.substring(p, end).toLowerCase(Locale.ROOT).contains(htmlEnd);
                if (done) {
                    htmlEnd = null;
                    endBlock(end);
                }
                return;
            }
            String content = src.substring(p, end);
            if (content.isBlank()) {
                flushParagraph();
                blankBefore = true;
                return;
            }
            int indent = indentation(content);
            int contentStart = p;
            // list context
            boolean continuation = false;
            if (itemIndent >= 0) {
                if (indent >= itemIndent) {
                    continuation = true;
                    int cut = columnsToChars(content, itemIndent);
                    content = content.substring(cut);
                    contentStart = p + cut;
                    indent = indentation(content);
                    itemEnd = end;
                    listEnd = end;
                } else if (!LIST_MARKER.matcher(content.stripLeading()).lookingAt() || indent >= 4) {
                    if (paraStart >= 0 && !blankBefore) {
                        appendParagraphLine(content, p, end);
                        itemEnd = end;
                        listEnd = end;
                        blankBefore = false;
                        return;
                    }
                    flushParagraph();
                    endList();
                }
            }
            if (indent >= 4 && paraStart < 0 && !continuation) {
                text.append(content.strip()).append('\n');
                endBlockAt(start, end);
                blankBefore = false;
                return;
            }
            String rest = content.stripLeading();
            int restStart = contentStart + (content.length() - rest.length());
            boolean topLevel = quotes == 0 && itemIndent < 0;

            if (THEMATIC.matcher(rest).matches() && !(paraStart >= 0 && SETEXT.matcher(rest).matches())) {
                flushParagraph();
                if (!continuation) {
                    endList();
                }
                endBlockAt(start, end);
                blankBefore = false;
                return;
            }
            Matcher marker = indent < 4 ? LIST_MARKER.matcher(rest) : null;
            boolean isMarker = marker != null && marker.lookingAt();
            if (isMarker && paraStart >= 0 && !blankBefore && !continuation && itemIndent < 0) {
                // A list item interrupts a paragraph only if it is not empty and (when ordered) starts at 1.
                String bullet = marker.group(1);
                boolean startsAtOne = !Character.isDigit(bullet.charAt(0)) || bullet.startsWith("1") && bullet.length() == 2;
                isMarker = startsAtOne && !rest.substring(marker.end()).isBlank();
            }
            if (isMarker) {
                flushParagraph();
                if (listStart < 0) {
                    listStart = start;
                }
                int spacesAfter = marker.end() - marker.group(1).length();
                int contentOffset = spacesAfter == 0 || spacesAfter > 4 ? 1 : spacesAfter;
                itemIndent = indentation(src.substring(p, restStart)) + marker.group(1).length() + contentOffset;
                itemStart = start;
                itemEnd = end;
                listEnd = end;
                itemHasParagraph = false;
                rest = rest.substring(marker.end());
                restStart += marker.end();
                Matcher task = TASK.matcher(rest);
                if (task.lookingAt()) {
                    rest = rest.substring(task.end());
                    restStart += task.end();
                }
                blankBefore = false;
                if (rest.isBlank()) {
                    return;
                }
            } else if (!continuation && itemIndent < 0 && listStart >= 0) {
                endList();
            }
            Matcher fenceMatch = FENCE.matcher(rest);
            if (fenceMatch.matches() && !(fenceMatch.group(1).charAt(0) == '`' && fenceMatch.group(2).contains("`"))) {
                flushParagraph();
                fence = fenceMatch.group(1);
                blockStart = start;
                blankBefore = false;
                return;
            }
            if (rest.startsWith("$$")) {
                String afterOpen = rest.substring(2).stripTrailing();
                int close = afterOpen.indexOf("$$");
                if (close < 0) {
                    flushParagraph();
                    inMath = true;
                    blockStart = start;
                    blankBefore = false;
                    return;
                }
                if (close == afterOpen.length() - 2 && !afterOpen.substring(0, close).isBlank()) {
                    flushParagraph();
                    endBlockAt(start, end);
                    blankBefore = false;
                    return;
                }
            }
            if (rest.startsWith("<") && indent < 4) {
                String end6 = htmlBlockEnd(rest, paraStart >= 0);
                if (end6 != null) {
                    flushParagraph();
                    blockStart = start;
                    boolean closesHere = !end6.isEmpty() && rest.toLowerCase(Locale.ROOT).contains(end6)
                            && rest.toLowerCase(Locale.ROOT).indexOf(end6) > 0;
                    if (closesHere) {
                        endBlockAt(start, end);
                    } else {
                        htmlEnd = end6;
                    }
                    blankBefore = false;
                    return;
                }
            }
            if (rest.startsWith("#") && indent < 4) {
                Matcher atx = ATX.matcher(rest);
                if (atx.matches()) {
                    flushParagraph();
                    heading(atx.group(1).length(), atx.group(2) == null ? "" : atx.group(2), start, end, lineNo);
                    blankBefore = false;
                    return;
                }
            }
            if (paraStart >= 0 && !blankBefore && indent < 4 && SETEXT.matcher(rest).matches() && !paraInItem
                    && quotes == paraQuotes) {
                int level = rest.charAt(0) == '=' ? 1 : 2;
                String headingText = para.toString();
                int hStart = paraStart;
                int hLine = paraLine;
                resetParagraph();
                heading(level, headingText.strip(), hStart, end, hLine);
                blankBefore = false;
                return;
            }
            if (paraStart >= 0 && blankBefore) {
                flushParagraph();
            }
            if (paraStart < 0) {
                paraStart = topLevel || itemIndent < 0 ? start : restStart;
                paraLine = lineNo;
                paraInItem = itemIndent >= 0;
                paraItemStart = itemStart;
                paraQuotes = quotes;
                para.setLength(0);
                para.append(rest);
                if (paraInItem && !itemHasParagraph) {
                    itemHasParagraph = true;
                    paraFirstInItem = true;
                } else {
                    paraFirstInItem = false;
                }
            } else {
                para.append('\n').append(rest);
            }
            paraEnd = end;
            blankBefore = false;
        }

        private int paraQuotes;
        private boolean paraFirstInItem;

        private void appendParagraphLine(String content, int start, int end) {
            para.append('\n').append(content.stripLeading());
            paraEnd = end;
        }

        private void resetParagraph() {
            paraStart = -1;
            para.setLength(0);
        }

        private void flushParagraph() {
            if (paraStart < 0) {
                return;
            }
            String paragraph = para.toString();
            int start = paraStart;
            int end = paraEnd;
            int line = paraLine;
            boolean inItem = paraInItem && paraFirstInItem;
            int item = paraItemStart;
            int quotesOfParagraph = paraQuotes;
            resetParagraph();
            int caret = trailingBlockId(paragraph);
            String id = null;
            String body = paragraph;
            if (caret >= 0) {
                id = paragraph.substring(caret).strip();
                body = paragraph.substring(0, caret).stripTrailing();
            }
            if (id != null && body.isBlank()) {
                if (previousStart >= 0 && !paraInItemOrQuote(start)) {
                    blockAnchors.putIfAbsent(id, new SourceRange(previousStart, previousEnd));
                } else {
                    blockAnchors.putIfAbsent(id, new SourceRange(start, end));
                }
                return;
            }
            if (quotesOfParagraph > 0) {
                Matcher callout = CALLOUT.matcher(body);
                if (callout.lookingAt()) {
                    body = body.substring(callout.end());
                }
            }
            inline(body, line, text, null);
            text.append('\n');
            if (id != null) {
                blockAnchors.putIfAbsent(id, inItem ? new SourceRange(item, itemEnd) : new SourceRange(start, end));
            }
            if (itemIndent < 0) {
                endBlockAt(start, end);
            }
        }

        private boolean paraInItemOrQuote(int start) {
            return itemIndent >= 0;
        }

        private void endList() {
            if (listStart >= 0) {
                previousStart = listStart;
                previousEnd = listEnd;
            }
            listStart = -1;
            itemIndent = -1;
            itemStart = -1;
        }

        private void endBlock(int end) {
            if (itemIndent < 0 && blockStart >= 0) {
                previousStart = blockStart;
                previousEnd = end;
            }
            blockStart = -1;
        }

        private void endBlockAt(int start, int end) {
            if (itemIndent < 0) {
                previousStart = start;
                previousEnd = end;
            }
        }

        private void heading(int level, String content, int start, int end, int lineNo) {
            closeSection();
            String body = content;
            int caret = trailingBlockId(body);
            String anchor = null;
            if (caret >= 0) {
                anchor = body.substring(caret).strip();
                body = body.substring(0, caret);
            }
            StringBuilder shown = new StringBuilder();
            StringBuilder idText = new StringBuilder();
            inline(body, lineNo, shown, idText);
            String id = HeaderIdGenerator.generateId(idText.toString(), AnchorIds.TO_DASH_CHARS, "", true, true);
            if (id == null) {
                id = "";
            }
            if (!id.isEmpty()) {
                Integer seen = idCounts.get(id);
                if (seen == null) {
                    idCounts.put(id, 0);
                } else {
                    idCounts.put(id, seen + 1);
                    id = id + "-" + (seen + 1);
                }
            }
            String title = shown.toString().strip();
            headings.add(new NoteHeading(level, title, id, lineNo + lineOffset));
            headingStarts.add(start);
            sectionHeading = title;
            sectionId = id;
            if (anchor != null) {
                blockAnchors.putIfAbsent(anchor, new SourceRange(start, end));
            }
            if (itemIndent < 0) {
                previousStart = start;
                previousEnd = end;
            }
        }

        private void closeSection() {
            String body = squeeze(text);
            if (sectionHeading != null || !body.isEmpty()) {
                sections.add(new TextSection(sectionHeading, sectionId, body));
            }
            text = new StringBuilder(512);
            sectionHeading = null;
            sectionId = null;
        }

        /**
         * Inline content: readable text into {@code out} (and, for headings, the text flexmark builds ids from into
         * {@code idOut}); links and tags recorded. Code spans, math and raw HTML hold no links or tags.
         */
        private void inline(String s, int firstLine, StringBuilder out, StringBuilder idOut) {
            int line = firstLine;
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    out.append(' ');
                    if (idOut != null) {
                        idOut.append(' ');
                    }
                    i++;
                } else if (c == '\\' && i + 1 < n && isAsciiPunctuation(s.charAt(i + 1))) {
                    out.append(s.charAt(i + 1));
                    if (idOut != null) {
                        idOut.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if (c == '`') {
                    int run = runLength(s, i, '`');
                    int close = closingRun(s, i + run, run);
                    if (close < 0) {
                        out.append(s, i, i + run);
                        if (idOut != null) {
                            idOut.append(s, i, i + run);
                        }
                        i += run;
                    } else {
                        String code = codeContent(s.substring(i + run, close));
                        out.append(code);
                        if (idOut != null) {
                            idOut.append(code);
                        }
                        line += count(s, i, close, '\n');
                        i = close + run;
                    }
                } else if (c == '$') {
                    boolean display = i + 1 < n && s.charAt(i + 1) == '$';
                    int open = display ? 2 : 1;
                    int close = i + open < n ? (display ? MathInlineParser.findDisplayClose(s, i + open)
                            : MathInlineParser.findInlineClose(s, i + open)) : -1;
                    if (close < 0) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    } else {
                        if (idOut != null) {
                            out.append(s, i + open, close);
                        } else {
                            out.append(' ');
                        }
                        line += count(s, i, close, '\n');
                        i = close + open;
                    }
                } else if ((c == '[' && i + 1 < n && s.charAt(i + 1) == '[')
                        || (c == '!' && i + 2 < n && s.charAt(i + 1) == '[' && s.charAt(i + 2) == '[')) {
                    boolean embed = c == '!';
                    int innerStart = i + (embed ? 3 : 2);
                    int close = wikiClose(s, innerStart);
                    if (close < 0) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                        continue;
                    }
                    String inner = s.substring(innerStart, close);
                    WikiTarget target = WikiTarget.parse(inner, embed);
                    if (inner.isBlank() || (target.file().isEmpty() && target.anchor() == null)) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                        continue;
                    }
                    wikiLink(target, embed, line, out, idOut != null);
                    i = close + 2;
                } else if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[') {
                    int[] link = findInlineLink(s, i + 1);
                    if (link == null) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    } else {
                        String alt = s.substring(i + 2, link[0]);
                        markdownLink(destination(s.substring(link[1], link[2])), alt, true, line);
                        if (idOut != null) {
                            inline(alt, line, new StringBuilder(), idOut);
                        }
                        i = link[3];
                    }
                } else if (c == '[') {
                    int[] link = findInlineLink(s, i);
                    if (link == null) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    } else {
                        String label = s.substring(i + 1, link[0]);
                        StringBuilder labelText = new StringBuilder();
                        inline(label, line, labelText, idOut);
                        out.append(labelText);
                        markdownLink(destination(s.substring(link[1], link[2])), labelText.toString().strip(), false, line);
                        i = link[3];
                    }
                } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                    Matcher tag = TAG.matcher(s);
                    tag.region(i, n);
                    String name = tag.lookingAt() ? Tags.normalize(tag.group(1)) : null;
                    if (name == null) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    } else {
                        int endTag = tag.end();
                        while (endTag > i + 1 && s.charAt(endTag - 1) == '/') {
                            endTag--;
                        }
                        tags.putIfAbsent(Tags.key(name), name);
                        if (idOut != null) {
                            out.append('#');
                        }
                        out.append(name);
                        i = endTag;
                    }
                } else if (c == '<') {
                    int skip = inlineHtml(s, i);
                    if (skip < 0) {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    } else {
                        out.append(' ');
                        i = skip;
                    }
                } else if (c == '=' && i + 1 < n && s.charAt(i + 1) == '=') {
                    i += 2;
                } else if (c == '_' && i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1))
                        && Character.isLetterOrDigit(s.charAt(i + 1))) {
                    // an underscore inside a word (d_k, snake_case) is text, never emphasis
                    out.append(c);
                    if (idOut != null) {
                        idOut.append(c);
                    }
                    i++;
                } else if (c == '*' || c == '_' || c == '~') {
                    // emphasis and strikethrough markers: not text
                    i++;
                } else if (c == '&') {
                    int semi = s.indexOf(';', i);
                    if (semi > i && semi - i <= 10) {
                        String decoded = FastText.unescape(s.substring(i, semi + 1));
                        out.append(decoded);
                        if (idOut != null) {
                            idOut.append(decoded);
                        }
                        i = semi + 1;
                    } else {
                        out.append(c);
                        if (idOut != null) {
                            idOut.append(c);
                        }
                        i++;
                    }
                } else {
                    out.append(c);
                    if (idOut != null) {
                        idOut.append(c);
                    }
                    i++;
                }
            }
        }

        private void wikiLink(WikiTarget target, boolean embed, int line, StringBuilder out, boolean heading) {
            String display = target.defaultDisplay();
            if (!embed || heading) {
                out.append(display);
            }
            if (target.external()) {
                return;
            }
            Resolution resolution = target.sameNote() ? self() : resolve(target.file());
            links.add(new NoteLink(target.file(), target.anchor(), display, embed, resolution.path(), line + lineOffset));
            LinkProblems.check(target.file(), resolution, line + lineOffset, problems);
        }

        private void markdownLink(String url, String display, boolean embed, int line) {
            LocalLink local = LocalLink.parse(url);
            if (local == null) {
                return;
            }
            Resolution resolution = local.file().isEmpty() ? self() : resolve(local.file());
            if (!embed && !local.file().isEmpty() && !resolution.resolved() && !local.looksLikeNote()) {
                return;
            }
            links.add(new NoteLink(local.file(), local.anchor(), embed ? local.file() : display, embed, resolution.path(),
                    line + lineOffset));
            if (!local.file().isEmpty()) {
                LinkProblems.check(local.file(), resolution, line + lineOffset, problems);
            }
        }

        private Resolution self() {
            return path == null ? Resolution.unresolved() : Resolution.of(path);
        }

        private Resolution resolve(String target) {
            return resolutions.computeIfAbsent(target, t -> targets.resolve(t, path));
        }

        Map<String, SourceRange> anchors() {
            Map<String, SourceRange> out = new LinkedHashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                NoteHeading heading = headings.get(i);
                int end = src.length();
                for (int j = i + 1; j < headings.size(); j++) {
                    if (headings.get(j).level() <= heading.level()) {
                        end = headingStarts.get(j);
                        break;
                    }
                }
                if (heading.id() != null) {
                    out.putIfAbsent(heading.id(), new SourceRange(headingStarts.get(i), end));
                }
            }
            blockAnchors.forEach(out::putIfAbsent);
            return out;
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Where a trailing block id ({@code ^id} after whitespace or at the start, then only whitespace) begins, or -1.
     * A hand-written check: a regex search would try every position of the paragraph.
     */
    static int trailingBlockId(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int i = end;
        while (i > 0) {
            char c = s.charAt(i - 1);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                i--;
            } else {
                break;
            }
        }
        if (i == end || i == 0 || s.charAt(i - 1) != '^') {
            return -1;
        }
        int caret = i - 1;
        return caret == 0 || Character.isWhitespace(s.charAt(caret - 1)) ? caret : -1;
    }

    /** End of a wikilink's inner text ({@code ]]}) on the same line, or -1 (same rules as the flexmark parser). */
    static int wikiClose(String s, int from) {
        for (int i = from; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '[' && s.charAt(i + 1) == '[')) {
                return -1;
            }
            if (c == ']' && s.charAt(i + 1) == ']') {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code [label](destination)} starting at {@code open} ({@code [}): returns {label end, destination start,
     * destination end, end after ")"}, or null when it is not an inline link.
     */
    static int[] findInlineLink(String s, int open) {
        int depth = 0;
        int i = open;
        int labelEnd = -1;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`') {
                int run = runLength(s, i, '`');
                int close = closingRun(s, i + run, run);
                i = close < 0 ? i + run - 1 : close + run - 1;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    labelEnd = i;
                    break;
                }
            }
        }
        if (labelEnd < 0 || labelEnd + 1 >= s.length() || s.charAt(labelEnd + 1) != '(') {
            return null;
        }
        int destStart = labelEnd + 2;
        int j = destStart;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\n')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '<') {
            int close = s.indexOf('>', j);
            if (close < 0) {
                return null;
            }
            int paren = s.indexOf(')', close);
            return paren < 0 ? null : new int[] {labelEnd, j, close + 1, paren + 1};
        }
        int parens = 0;
        for (int k = j; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '(') {
                parens++;
            } else if (c == ')') {
                if (parens == 0) {
                    return new int[] {labelEnd, j, k, k + 1};
                }
                parens--;
            }
        }
        return null;
    }

    /** The URL part of a link destination: angle brackets and a quoted title removed. */
    static String destination(String raw) {
        String d = raw.strip();
        if (d.startsWith("<")) {
            int close = d.indexOf('>');
            return close < 0 ? d.substring(1) : d.substring(1, close);
        }
        int space = d.indexOf(' ');
        return space < 0 ? d : d.substring(0, space);
    }

    /** End index after an inline HTML tag, comment or autolink starting at {@code i}, or -1. */
    static int inlineHtml(String s, int i) {
        if (s.startsWith("<!--", i)) {
            int end = s.indexOf("-->", i + 4);
            return end < 0 ? -1 : end + 3;
        }
        int close = s.indexOf('>', i);
        if (close < 0) {
            return -1;
        }
        String tag = s.substring(i, close + 1);
        if (tag.matches("(?i)</?[a-z][a-z0-9-]*(\\s[^<>]*)?/?>") || tag.matches("(?i)<[a-z][a-z0-9+.-]*:[^\\s<>]*>")) {
            return close + 1;
        }
        return -1;
    }

    /** The end marker of an HTML block starting with this line, "" for "a blank line", or null for no HTML block. */
    static String htmlBlockEnd(String line, boolean interruptsParagraph) {
        if (line.startsWith("<!--")) {
            return "-->";
        }
        Matcher raw = HTML_RAW_START.matcher(line);
        if (raw.matches()) {
            return "</" + raw.group(1).toLowerCase(Locale.ROOT) + ">";
        }
        if (line.startsWith("<?")) {
            return "?>";
        }
        if (line.startsWith("<![CDATA[")) {
            return "]]>";
        }
        if (line.startsWith("<!") && line.length() > 2 && Character.isLetter(line.charAt(2))) {
            return ">";
        }
        Matcher block = HTML_BLOCK_START.matcher(line);
        if (block.matches() && BLOCK_TAGS.contains(block.group(1).toLowerCase(Locale.ROOT))) {
            return "";
        }
        if (!interruptsParagraph && HTML_TAG_LINE.matcher(line).matches()) {
            return "";
        }
        return null;
    }

    static String codeContent(String raw) {
        String code = raw.replace('\n', ' ');
        if (code.length() >= 2 && code.startsWith(" ") && code.endsWith(" ") && !code.isBlank()) {
            code = code.substring(1, code.length() - 1);
        }
        return code;
    }

    static int runLength(String s, int from, char c) {
        int i = from;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    static int closingRun(String s, int from, int length) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int r = runLength(s, i, '`');
                if (r == length) {
                    return i;
                }
                i += r;
            } else {
                i++;
            }
        }
        return -1;
    }

    static boolean isRun(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    static int count(String s, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    static int indentation(String s) {
        int columns = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                columns++;
            } else if (c == '\t') {
                columns += 4 - columns % 4;
            } else {
                break;
            }
        }
        return columns;
    }

    static int columnsToChars(String s, int columns) {
        int col = 0;
        int i = 0;
        while (i < s.length() && col < columns) {
            char c = s.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col += 4 - col % 4;
            } else {
                break;
            }
            i++;
        }
        return i;
    }

    static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    /** Runs of spaces become one space, runs of line breaks one line break (as the flexmark facts do). */
    static String squeeze(CharSequence text) {
        int n = text.length();
        char[] out = new char[n];
        int length = 0;
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newline = true;
            } else if (c == ' ' || c == '\t' || (c < ' ' && c != '\n') || (c > 127 && Character.isWhitespace(c))) {
                space = true;
            } else {
                if (length > 0) {
                    if (newline) {
                        out[length++] = '\n';
                    } else if (space) {
                        out[length++] = ' ';
                    }
                }
                space = false;
                newline = false;
                out[length++] = c;
            }
        }
        return new String(out, 0, length);
    }
}
