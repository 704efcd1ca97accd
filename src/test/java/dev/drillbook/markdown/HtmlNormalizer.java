package dev.drillbook.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts HTML into one canonical form so that spec examples compare by meaning, as the CommonMark project's own
 * {@code normalize.py} does: entities decoded and re-escaped the same way, attributes sorted and re-quoted, void tags
 * without {@code /}, whitespace around block tags dropped (kept inside {@code <pre>}). On top of that it forgives
 * Drillbook's deliberate output choices, and only those: heading ids, a {@code <br>} for every soft break (Obsidian
 * shows single newlines as breaks, so a line break before a newline counts as the newline), the {@code table} class,
 * {@code language-plaintext} on code without a language, the rel/target that external links get, relative
 * URLs read as vault links, and percent-encoding in URLs (the sanitiser encodes what a browser would).
 */
final class HtmlNormalizer {

    private static final Pattern TOKEN = Pattern.compile("<!--.*?-->|<[A-Za-z/!?][^>]*>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)(.*?)(/?)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    private static final Set<String> BLOCK = Set.of("blockquote", "div", "dl", "dd", "dt", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "li", "ol", "p", "pre", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
            "section", "details", "summary", "figure");

    private HtmlNormalizer() {
    }

    /** Canonical form that forgives Drillbook's deliberate choices (for the public suites). */
    static String normalize(String html) {
        return canonical(html, true);
    }

    /** Canonical form, nothing forgiven (for Drillbook's own spec files). */
    static String canonical(String html) {
        return canonical(html, false);
    }

    private static String canonical(String html, boolean forgive) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(html);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                tokens.add(text(html.substring(from, m.start())));
            }
            tokens.add(tag(m.group(), forgive));
            from = m.end();
        }
        if (from < html.length()) {
            tokens.add(text(html.substring(from)));
        }
        // a soft break rendered as <br> + newline is the newline
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (forgive && t.equals("<br>") && i + 1 < tokens.size() && tokens.get(i + 1).startsWith("\n")) {
                continue;
            }
            merged.add(t);
        }
        StringBuilder out = new StringBuilder();
        int pre = 0;
        for (int i = 0; i < merged.size(); i++) {
            String t = merged.get(i);
            if (t.startsWith("<")) {
                if (t.startsWith("<pre")) {
                    pre++;
                } else if (t.equals("</pre>")) {
                    pre = Math.max(0, pre - 1);
                }
                out.append(t);
                continue;
            }
            if (pre == 0) {
                if (i == 0 || isBlock(merged.get(i - 1))) {
                    t = t.stripLeading();
                }
                if (i == merged.size() - 1 || isBlock(merged.get(i + 1))) {
                    t = t.stripTrailing();
                }
                t = t.replaceAll("[ \\t\\n]+", " ");
            }
            out.append(t);
        }
        return out.toString();
    }

    private static boolean isBlock(String token) {
        Matcher t = TAG.matcher(token);
        return t.matches() && BLOCK.contains(t.group(2));
    }

    private static String text(String raw) {
        return escape(Escaping.unescapeHtml(raw));
    }

    private static String tag(String raw, boolean forgive) {
        Matcher t = TAG.matcher(raw);
        if (!t.matches()) {
            return raw;
        }
        String name = t.group(2).toLowerCase(Locale.ROOT);
        if (!t.group(1).isEmpty()) {
            return "</" + name + ">";
        }
        List<String> attributes = new ArrayList<>();
        Matcher a = ATTRIBUTE.matcher(t.group(3));
        while (a.find()) {
            String key = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3)
                    : a.group(4) != null ? a.group(4) : "";
            value = Escaping.unescapeHtml(value);
            if (forgive && name.equals("a") && key.equals("href")) {
                value = vaultRelative(value);
            }
            if (forgive && (key.equals("href") || key.equals("src"))) {
                value = percentDecoded(value);
            }
            if (forgive && forgiven(name, key, value)) {
                continue;
            }
            attributes.add(key + "=\"" + escape(value) + "\"");
        }
        attributes.sort(null);
        StringBuilder out = new StringBuilder("<").append(name);
        for (String attribute : attributes) {
            out.append(' ').append(attribute);
        }
        return out.append('>').toString();
    }

    /**
     * A relative URL is a vault link: Drillbook sends it to the note page, or to {@code /unresolved?target=…} when
     * no note has that name; a bare {@code #fragment} points into the note's own page ({@code test/Note.md} here).
     */
    private static String vaultRelative(String href) {
        if (href.startsWith("/unresolved?target=")) {
            return URLDecoder.decode(href.substring("/unresolved?target=".length()), StandardCharsets.UTF_8);
        }
        return href.startsWith("/notes/test/Note#") ? href.substring("/notes/test/Note".length()) : href;
    }

    /** {@code %28} and {@code (} are the same URL to a browser; the sanitiser writes the first. */
    private static String percentDecoded(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static boolean forgiven(String tag, String attribute, String value) {
        return (tag.matches("h[1-6]") && attribute.equals("id"))
                || (tag.equals("table") && attribute.equals("class") && value.equals("table"))
                || (tag.equals("code") && attribute.equals("class") && value.equals("language-plaintext"))
                || (tag.equals("a") && (attribute.equals("rel") || attribute.equals("target")))
                || (tag.equals("a") && attribute.equals("class")
                        && (value.equals("external-link") || value.equals("internal-link is-unresolved")));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
