package dev.drillbook.vault;

import dev.drillbook.markdown.NoteLink;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note that links here, with the sentence around each link (escaped HTML, the link text in {@code <mark>}).
 */
public record BacklinkContext(String path, String title, String url, List<String> snippets) {

    private static final Pattern WIKILINK = Pattern.compile("!?\\[\\[([^\\]|#]*)(?:#[^\\]|]*)?(?:\\\\?\\|([^\\]]*))?]]");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKUP = Pattern.compile("(\\*\\*|__|==|~~|`|^\\s*(?:[-*+]|\\d+[.)])\\s+(?:\\[.]\\s+)?|^\\s*>+\\s*(?:\\[![^\\]]*][+-]?)?|^#+\\s+|\\s\\^[A-Za-z0-9-]+\\s*$)");
    private static final int MAX = 280;

    /** Snippets for the links in {@code source} that resolve to {@code target}. */
    public static BacklinkContext of(Note source, String target) {
        String[] lines = source.rendered().source().split("\n", -1);
        List<String> snippets = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (NoteLink link : source.links()) {
            if (!target.equals(link.resolved())) {
                continue;
            }
            int index = link.line() - 1 - source.rendered().lineOffset();
            if (index < 0 || index >= lines.length || seen.contains(index)) {
                continue;
            }
            seen.add(index);
            snippets.add(snippet(lines[index], link.display()));
            if (snippets.size() == 3) {
                break;
            }
        }
        return new BacklinkContext(source.path(), source.title(), source.url(), snippets);
    }

    static String snippet(String line, String display) {
        String text = replaceLinks(line);
        text = MARKUP.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
        int at = display == null || display.isEmpty() ? -1 : text.indexOf(display);
        if (text.length() > MAX) {
            int center = at < 0 ? 0 : at;
            int start = Math.max(0, text.lastIndexOf(". ", center) + 2);
            if (center - start > MAX / 2) {
                start = Math.max(0, center - MAX / 2);
            }
            int end = Math.min(text.length(), start + MAX);
            text = (start > 0 ? "\u2026" : "") + text.substring(start, end) + (end < text.length() ? "\u2026" : "");
            at = display == null || display.isEmpty() ? -1 : text.indexOf(display);
        }
        if (at < 0) {
            return EmbedComposer.escape(text);
        }
        return EmbedComposer.escape(text.substring(0, at)) + "<mark>" + EmbedComposer.escape(display) + "</mark>"
                + EmbedComposer.escape(text.substring(at + display.length()));
    }

    private static String replaceLinks(String line) {
        Matcher m = WIKILINK.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown = m.group(2) != null ? m.group(2) : m.group(0).substring(m.group(0).indexOf("[[") + 2, m.group(0).length() - 2);
            if (m.group(2) == null && shown.contains("#")) {
                int hash = shown.indexOf('#');
                String anchor = shown.substring(shown.lastIndexOf('#') + 1);
                String file = shown.substring(0, hash);
                shown = anchor.startsWith("^") || anchor.isEmpty() ? file : file.isEmpty() ? anchor : file + " > " + anchor;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        Matcher md = MD_LINK.matcher(out.toString());
        StringBuilder out2 = new StringBuilder();
        while (md.find()) {
            md.appendReplacement(out2, Matcher.quoteReplacement(md.group(1)));
        }
        md.appendTail(out2);
        return out2.toString();
    }
}
