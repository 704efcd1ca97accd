package dev.drillbook.markdown;

import java.util.List;
import java.util.Map;

/**
 * What one parse of a note's body says about it, independent of the rest of the vault (links are as written, not
 * resolved): the same for the same text, so it can be stored and reused until the file changes.
 *
 * @param headings in document order, with the ids they render with
 * @param links links and embeds in document order, outside code and comments
 * @param tags inline tags as written, first spelling of each, in order
 * @param anchors heading ids and {@code ^block} ids → the range of the section or block in {@link #source}
 * @param sections readable text per heading section
 * @param problems what is wrong in the Markdown itself (line numbers are file lines)
 * @param source the body after removing comments; ranges in {@link #anchors} and link offsets point into it
 * @param lineOffset lines before the body (front matter), so body line n is file line n + lineOffset
 */
public record MarkdownFacts(List<NoteHeading> headings, List<LinkRef> links, List<String> tags,
        Map<String, SourceRange> anchors, List<TextSection> sections, List<MarkdownProblem> problems, String source,
        int lineOffset) {

    public MarkdownFacts {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        tags = List.copyOf(tags);
        anchors = Map.copyOf(anchors);
        sections = List.copyOf(sections);
        problems = List.copyOf(problems);
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
