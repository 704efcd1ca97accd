package dev.drillbook.vault;

import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.EmbedRef;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.SiteUrls;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Fills embed slots at serve time: {@code ![[Note]]} gets the note's body, {@code ![[Note#Heading]]} that heading
 * down to the next heading of the same or higher level, {@code ![[Note#^id]]} that block. A note (or section)
 * already on the embed path is not expanded again — a notice says so — and nesting stops at a depth cap, so a
 * cycle can never overflow the stack. Two different sections of one note are different keys, not a cycle.
 */
public final class EmbedComposer {

    private final Function<String, Optional<Note>> notes;
    private final Function<Note, HtmlTemplate> templates;
    private final BiFunction<Note, String, HtmlTemplate> sections;
    private final int maxDepth;

    /**
     * @param notes looks a note up by vault path
     * @param templates renders a whole note (the caller caches)
     * @param sections renders a note's heading section or block by anchor id (the caller caches)
     * @param maxDepth how many embeds deep to expand
     */
    public EmbedComposer(Function<String, Optional<Note>> notes, Function<Note, HtmlTemplate> templates,
            BiFunction<Note, String, HtmlTemplate> sections, int maxDepth) {
        this.notes = notes;
        this.templates = templates;
        this.sections = sections;
        this.maxDepth = maxDepth;
    }

    /** The note's full HTML with every embed expanded. */
    public String compose(Note note) {
        HtmlTemplate template = templates.apply(note);
        StringBuilder out = new StringBuilder(template.length() + 256);
        Deque<String> path = new ArrayDeque<>();
        path.push(note.path());
        append(template, path, out);
        return out.toString();
    }

    private void append(HtmlTemplate template, Deque<String> path, StringBuilder out) {
        List<String> parts = template.parts();
        List<EmbedRef> embeds = template.embeds();
        for (int i = 0; i < embeds.size(); i++) {
            out.append(parts.get(i));
            embed(embeds.get(i), path, out);
        }
        out.append(parts.get(parts.size() - 1));
    }

    private void embed(EmbedRef ref, Deque<String> path, StringBuilder out) {
        Optional<Note> target = notes.apply(ref.path());
        String tag = ref.block() ? "div" : "span";
        if (target.isEmpty()) {
            notice(out, tag, "is-unresolved", "\u201c" + ref.href() + "\u201d could not be found.");
            return;
        }
        Note note = target.get();
        String key = ref.key();
        if (path.contains(key)) {
            notice(out, tag, "embed-cycle", "\u201c" + ref.href()
                    + "\u201d is already shown above; embedding it again would loop forever.");
            return;
        }
        if (path.size() > maxDepth) {
            out.append('<').append(tag).append(" class=\"internal-embed markdown-embed embed-too-deep\">")
                    .append("Embeds nest more than ").append(maxDepth).append(" levels deep here: ")
                    .append("<a class=\"internal-link\" href=\"").append(escape(SiteUrls.note(note.path())))
                    .append(SiteUrls.fragment(AnchorIds.anchor(ref.anchor())))
                    .append("\">open ").append(escape(ref.href())).append("</a>")
                    .append("</").append(tag).append('>');
            return;
        }
        HtmlTemplate content;
        if (ref.anchor() == null) {
            content = templates.apply(note);
        } else {
            String id = AnchorIds.anchor(ref.anchor());
            if (!note.facts().anchors().containsKey(id)) {
                notice(out, tag, "is-unresolved", "No " + (id.startsWith("^") ? "block" : "heading") + " \u201c"
                        + ref.anchor() + "\u201d in \u201c" + note.title() + "\u201d.");
                return;
            }
            content = sections.apply(note, id);
        }
        path.push(key);
        String title = ref.display() != null ? ref.display()
                : note.title() + (ref.anchor() == null ? "" : " \u203a " + ref.anchor());
        out.append('<').append(tag).append(" class=\"internal-embed markdown-embed").append(ref.block() ? "" : " inline-embed")
                .append("\" data-src=\"").append(escape(ref.href())).append("\">")
                .append('<').append(tag).append(" class=\"markdown-embed-title\">")
                .append("<a class=\"internal-link markdown-embed-link\" href=\"").append(escape(SiteUrls.note(note.path())))
                .append(escape(SiteUrls.fragment(AnchorIds.anchor(ref.anchor())))).append("\" data-href=\"")
                .append(escape(ref.href())).append("\">").append(escape(title)).append("</a></").append(tag).append('>')
                .append('<').append(tag).append(" class=\"markdown-embed-content\">");
        append(content, path, out);
        out.append("</").append(tag).append("></").append(tag).append('>');
        path.pop();
    }

    private static void notice(StringBuilder out, String tag, String kind, String message) {
        out.append('<').append(tag).append(" class=\"internal-embed markdown-embed ").append(kind).append("\">")
                .append(escape(message)).append("</").append(tag).append('>');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
