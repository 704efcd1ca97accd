package dev.drillbook.vault;

import dev.drillbook.markdown.NoteLink;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note that links here, with the sentence around each link (escaped HTML, the link text in {@code <mark>}).
 * Snippets are cut once per linking note and line, and kept with that note.
 */
@TemplateData
public record BacklinkContext(String path, String title, String url, List<String> snippets) {

    private static final Pattern WIKILINK = Pattern.compile("!?\\[\\[([^\\]|#]*)(?:#[^\\]|]*)?(?:\\\\?\\|([^\\]]*))?]]");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final int MAX = 280;

    /** Snippets for the links in {@code source} that resolve to {@code target}. */
    public static BacklinkContext of(Note source, String target) {
        List<String> snippets = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (NoteLink link : source.links()) {
            if (!target.equals(link.resolved())) {
                continue;
            }
            int index = link.line() - 1 - source.rendered().lineOffset();
            if (index < 0 || seen.contains(index)) {
                continue;
            }
            seen.add(index);
            snippets.add(cached(source, index, link.display()));
            if (snippets.size() == 3) {
                break;
            }
        }
        return new BacklinkContext(source.path(), source.title(), source.url(), snippets);
    }

    /**
     * Cuts the sentence around every resolved link of {@code source} now, in the background, so that a page showing
     * {@code source} as a backlink only looks it up instead of cutting on its first visit.
     */
    static void warm(Note source) {
        for (NoteLink link : source.links()) {
            int index = link.line() - 1 - source.rendered().lineOffset();
            if (link.resolved() != null && index >= 0) {
                cached(source, index, link.display());
            }
        }
    }

    private static String cached(Note source, int index, String display) {
        return source.snippetCache().computeIfAbsent(index + "\u0000" + display,
                k -> snippet(line(source.rendered().source(), index), display));
    }

    /** Line {@code index} (0-based) of {@code text}, found without splitting the whole text. */
    static String line(String text, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            int eol = text.indexOf('\n', start);
            if (eol < 0) {
                return "";
            }
            start = eol + 1;
        }
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    static String snippet(String line, String display) {
        String text = plain(replaceLinks(line));
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

    /**
     * The line as a reader sees it: list, quote, callout and heading markers, emphasis and highlight markers,
     * inline-code ticks and a trailing block id removed, spaces collapsed.
     */
    static String plain(String line) {
        String s = line.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            if (s.startsWith(">")) {
                s = s.substring(1).stripLeading();
                stripped = true;
            }
            if (s.startsWith("[!")) {
                int close = s.indexOf(']');
                if (close > 0) {
                    s = s.substring(close + 1).replaceFirst("^[+-]", "").stripLeading();
                    stripped = true;
                }
            }
        }
        int hashes = 0;
        while (hashes < s.length() && s.charAt(hashes) == '#') {
            hashes++;
        }
        if (hashes > 0 && hashes <= 6 && hashes < s.length() && s.charAt(hashes) == ' ') {
            s = s.substring(hashes + 1);
        }
        if (s.length() > 1 && (s.charAt(0) == '-' || s.charAt(0) == '*' || s.charAt(0) == '+') && s.charAt(1) == ' ') {
            s = s.substring(2);
        } else {
            int digits = 0;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && digits + 1 < s.length() && (s.charAt(digits) == '.' || s.charAt(digits) == ')')
                    && s.charAt(digits + 1) == ' ') {
                s = s.substring(digits + 2);
            }
        }
        if (s.startsWith("[ ] ") || s.startsWith("[x] ") || s.startsWith("[X] ")) {
            s = s.substring(4);
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '*' || c == '=' || c == '~') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                i++;
            } else if (c == '`') {
                // inline-code ticks only
            } else if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        String result = out.toString();
        int caret = result.lastIndexOf(" ^");
        if (caret >= 0 && result.substring(caret + 2).matches("[A-Za-z0-9-]+")) {
            result = result.substring(0, caret);
        }
        return result;
    }

    private static String replaceLinks(String line) {
        if (line.indexOf('[') < 0) {
            return line;
        }
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
