package dev.drillbook.markdown;

import java.util.List;
import java.util.Map;

/**
 * Everything one parse of a note yields: its HTML (with embed slots) and the facts the vault indexes.
 *
 * @param html rendered HTML (note embeds are slots), or null when the note was only parsed for its facts
 * @param headings in document order
 * @param links links and embeds in document order, outside code and comments
 * @param tags inline tags as written, first spelling of each, in order
 * @param anchors heading ids and {@code ^block} ids → the range of the section or block in {@link #source}
 * @param sections readable text per heading section
 * @param problems what is wrong in the note (line numbers are file lines)
 * @param source the body after removing comments; ranges in {@link #anchors} point into it
 * @param lineOffset lines before the body (front matter), so body line n is file line n + lineOffset
 */
public record RenderedMarkdown(HtmlTemplate html, List<NoteHeading> headings, List<NoteLink> links, List<String> tags,
        Map<String, SourceRange> anchors, List<TextSection> sections, List<MarkdownProblem> problems, String source,
        int lineOffset) {

    public RenderedMarkdown {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        tags = List.copyOf(tags);
        anchors = Map.copyOf(anchors);
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
    }

    /** The same facts with their HTML. */
    public RenderedMarkdown withHtml(HtmlTemplate rendered) {
        return new RenderedMarkdown(rendered, headings, links, tags, anchors, sections, problems, source, lineOffset);
    }

    /** All readable text, sections joined. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (TextSection section : sections) {
            if (section.heading() != null) {
                out.append(section.heading()).append('\n');
            }
            out.append(section.text()).append('\n');
        }
        return out.toString();
    }
}
