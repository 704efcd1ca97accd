package dev.drillbook.anki;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's HTML fields and card templates as Drillbook card Markdown. Pure.
 * <ul>
 *   <li>templates: {@code {{Field}}}, filters ({@code text:}, {@code type:}, {@code hint:}, …), sections
 *       {@code {{#Field}}…{{/Field}}} and {@code {{^Field}}…{{/Field}}}, {@code {{FrontSide}}} (dropped on the back, which
 *       Drillbook shows under the question anyway);</li>
 *   <li>HTML: bold, italics, line breaks, blocks, lists, links, code and images become Markdown; other tags keep their text;</li>
 *   <li>MathJax {@code \(…\)} and {@code \[…\]} become {@code $…$} and {@code $$…$$};</li>
 *   <li>images and {@code [sound:…]} point to the imported media.</li>
 * </ul>
 * The result never holds a blank line, a line that is only {@code ?}, a heading or a stray {@code ::}, which would
 * end or split a card block in a card file.
 */
public final class AnkiHtml {

    private static final Pattern SECTION = Pattern.compile("\\{\\{([#^])\\s*([^}]+?)\\s*}}(.*?)\\{\\{/\\s*\\2\\s*}}", Pattern.DOTALL);
    private static final Pattern REPLACEMENT = Pattern.compile("\\{\\{\\s*([^#^/{}][^{}]*?)\\s*}}");
    private static final Pattern ANSWER_RULE = Pattern.compile("(?i)<hr\\s+id\\s*=\\s*\"?answer\"?\\s*/?>");
    private static final Pattern SOUND = Pattern.compile("\\[sound:([^\\]]+)]");
    private static final Pattern MATH_INLINE = Pattern.compile("\\\\\\((.+?)\\\\\\)", Pattern.DOTALL);
    private static final Pattern MATH_BLOCK = Pattern.compile("\\\\\\[(.+?)\\\\]", Pattern.DOTALL);
    private static final Pattern LATEX = Pattern.compile("\\[(\\$\\$|\\$|latex)](.+?)\\[/\\1]", Pattern.DOTALL);
    private static final Pattern CLOZE = Pattern.compile("\\{\\{c\\d+::");
    /** Where imported media is served from. */
    public static final String MEDIA_URL = "/api/anki/media/";

    private AnkiHtml() {
    }

    /** The question side of a card: {@code {{type:Field}}} asks for typing there, so it shows nothing. */
    public static String question(String template, Map<String, String> fields, Set<String> unknownFilters) {
        return render(template.replaceAll("\\{\\{\\s*type:[^}]*}}", ""), fields, unknownFilters);
    }

    /**
     * The answer side without the question: Drillbook shows the question above the answer anyway, so what an Anki answer
     * template puts before {@code <hr id=answer>} (usually the question again) and {@code {{FrontSide}}} are left out.
     */
    public static String answer(String template, Map<String, String> fields, Set<String> unknownFilters) {
        Matcher rule = ANSWER_RULE.matcher(template);
        return render(rule.find() ? template.substring(rule.end()) : template, fields, unknownFilters);
    }

    /** Fills a card template with a note's fields (HTML in, HTML out), dropping {@code {{FrontSide}}}. */
    public static String render(String template, Map<String, String> fields, Set<String> unknownFilters) {
        String t = ANSWER_RULE.matcher(template).replaceAll("");
        String previous;
        do {
            previous = t;
            t = SECTION.matcher(t).replaceAll(m -> {
                boolean filled = !stripHtml(fields.getOrDefault(m.group(2).strip(), "")).isBlank();
                boolean show = m.group(1).equals("#") == filled;
                return Matcher.quoteReplacement(show ? m.group(3) : "");
            });
        } while (!t.equals(previous));
        return REPLACEMENT.matcher(t).replaceAll(m -> {
            String ref = m.group(1).strip();
            String[] parts = ref.split(":");
            String name = parts[parts.length - 1].strip();
            if (name.equals("FrontSide")) {
                return "";
            }
            for (int i = 0; i < parts.length - 1; i++) {
                String filter = parts[i].strip().toLowerCase(Locale.ROOT);
                // type: asks to type the answer (Drillbook shows it instead); text:, hint:, cloze-only: show the value
                if (!Set.of("text", "type", "hint", "cloze-only", "furigana", "kana", "kanji", "cloze", "nc").contains(filter)) {
                    unknownFilters.add(filter);
                }
            }
            return Matcher.quoteReplacement(fields.getOrDefault(name, ""));
        });
    }

    /**
     * HTML as card Markdown. {@code media} turns a media file name into its Markdown link target (and records that the
     * file is used); {@code null} for a name it does not know keeps the name as text.
     */
    public static String toMarkdown(String html, Function<String, String> media) {
        String withSound = SOUND.matcher(html).replaceAll(m -> {
            String url = media.apply(m.group(1).strip());
            return Matcher.quoteReplacement(url == null ? "(sound " + m.group(1) + ")"
                    : "<a data-media href=\"" + url + "\">🔊 " + m.group(1).strip() + "</a>");
        });
        Element body = Jsoup.parseBodyFragment(withSound).body();
        StringBuilder out = new StringBuilder();
        walk(body, out, media);
        String md = out.toString().replace('\u00a0', ' ');
        md = LATEX.matcher(md).replaceAll(m -> Matcher.quoteReplacement(m.group(1).equals("$") ? "$" + m.group(2).strip() + "$"
                : "$$" + m.group(2).strip() + "$$"));
        md = MATH_BLOCK.matcher(md).replaceAll(m -> Matcher.quoteReplacement("$$" + m.group(1).strip() + "$$"));
        md = MATH_INLINE.matcher(md).replaceAll(m -> Matcher.quoteReplacement("$" + m.group(1).strip() + "$"));
        StringBuilder safe = new StringBuilder();
        boolean fenced = false;
        for (String line : md.split("\n")) {
            String l = line.stripTrailing();
            if (l.strip().startsWith("```")) {
                fenced = !fenced;
            }
            if (l.isBlank()) {
                continue; // a blank line would end the card block
            }
            if (!fenced) {
                l = l.stripLeading(); // HTML indentation would be an indented code block in Markdown
            }
            String s = l.strip();
            if (s.equals("?") || s.equals("??")) {
                l = l.replace("?", "\\?");
            } else if (s.startsWith("#")) {
                l = l.replaceFirst("#", "\\\\#");
            }
            if (!safe.isEmpty()) {
                safe.append('\n');
            }
            safe.append(l);
        }
        return escapeTags(escapeSeparators(safe.toString()));
    }

    /**
     * The walk emits no HTML of its own, so a {@code <x} left in the text was text in Anki ({@code &lt;x}): escaped, so
     * Markdown does not read it as a tag. Math and code spans stay as they are.
     */
    static String escapeTags(String md) {
        StringBuilder out = new StringBuilder(md.length());
        char open = 0;
        for (int i = 0; i < md.length(); i++) {
            char c = md.charAt(i);
            if (c == '\\' && i + 1 < md.length()) {
                out.append(c).append(md.charAt(++i));
                continue;
            }
            if (c == '$' || c == '`') {
                open = open == 0 ? c : open == c ? 0 : open;
            } else if (c == '<' && open == 0 && i + 1 < md.length() && String.valueOf(md.charAt(i + 1)).matches("[A-Za-z/!?]")) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code ::} outside cloze markers would make a one-line card: {@code :\:} renders the same. */
    private static String escapeSeparators(String md) {
        StringBuilder out = new StringBuilder();
        Matcher c = CLOZE.matcher(md);
        int last = 0;
        while (c.find()) {
            out.append(md.substring(last, c.start()).replace("::", ":\\:"));
            int end = md.indexOf("}}", c.end());
            int hint = end < 0 ? -1 : md.lastIndexOf("::", end);
            // keep the cloze's own ::, and a ::hint before its closing braces
            String cloze = md.substring(c.start(), end < 0 ? md.length() : end + 2);
            if (hint > c.end()) {
                cloze = md.substring(c.start(), c.end()) + md.substring(c.end(), hint).replace("::", ":\\:") + md.substring(hint, end + 2);
            }
            out.append(cloze);
            last = end < 0 ? md.length() : end + 2;
        }
        out.append(md.substring(last).replace("::", ":\\:"));
        return out.toString();
    }

    private static void walk(Node node, StringBuilder out, Function<String, String> media) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText().replace("\n", " "));
            } else if (child instanceof Element e) {
                element(e, out, media);
            }
        }
    }

    private static void element(Element e, StringBuilder out, Function<String, String> media) {
        String tag = e.normalName();
        switch (tag) {
            case "br" -> out.append('\n');
            case "b", "strong" -> wrap(e, out, media, "**");
            case "i", "em" -> wrap(e, out, media, "*");
            case "s", "strike", "del" -> wrap(e, out, media, "~~");
            case "code", "kbd" -> out.append('`').append(e.text()).append('`');
            case "pre" -> out.append("\n```\n").append(e.wholeText().replaceAll("\n\\s*\n", "\n")).append("\n```\n");
            case "img" -> {
                String src = e.attr("src");
                String url = src.isBlank() ? null : media.apply(src);
                out.append(url == null ? "(image " + src + ")" : "![" + e.attr("alt").replace("]", "") + "](" + url + ")");
            }
            case "a" -> {
                String href = e.attr("href");
                StringBuilder inner = new StringBuilder();
                walk(e, inner, media);
                if (href.startsWith("http://") || href.startsWith("https://") || e.hasAttr("data-media")) {
                    out.append('[').append(inner.toString().strip()).append("](").append(href.replace(" ", "%20")).append(')');
                } else {
                    out.append(inner);
                }
            }
            case "li" -> {
                out.append("\n- ");
                walk(e, out, media);
                out.append('\n');
            }
            case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "table" -> {
                out.append('\n');
                walk(e, out, media);
                out.append('\n');
            }
            case "td", "th" -> {
                walk(e, out, media);
                out.append(' ');
            }
            case "script", "style" -> {
                // template scripts and styling have no Markdown form
            }
            default -> walk(e, out, media);
        }
    }

    private static void wrap(Element e, StringBuilder out, Function<String, String> media, String mark) {
        StringBuilder inner = new StringBuilder();
        walk(e, inner, media);
        String s = inner.toString();
        if (s.isBlank()) {
            out.append(s);
            return;
        }
        // Markdown emphasis cannot start or end with a space: keep the spaces outside the marks
        String lead = s.substring(0, s.length() - s.stripLeading().length());
        String trail = s.substring(s.stripTrailing().length());
        out.append(lead).append(mark).append(s.strip()).append(mark).append(trail);
    }

    /** Visible text of HTML (for deciding whether a field is empty). */
    public static String stripHtml(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }

    /** The link target for a media file kept under its cleaned name. */
    public static String mediaUrl(String cleanName) {
        return MEDIA_URL + URLEncoder.encode(cleanName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A media name safe as a single file name: letters, digits, dot, dash, underscore, space; no leading dot. */
    public static String cleanMediaName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String clean = base.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("^[. ]+", "").strip();
        return clean.isEmpty() ? "media" : clean.length() > 120 ? clean.substring(clean.length() - 120) : clean;
    }

    /** Anki tags ({@code a::b}) as Drillbook tags ({@code a/b}); characters Drillbook tags cannot hold become {@code -}. */
    public static String tag(String ankiTag) {
        String t = ankiTag.strip().replace("::", "/").replaceAll("[^\\p{L}\\p{N}_/-]", "-").replaceAll("/{2,}", "/")
                .replaceAll("(^/|/$)", "");
        // a tag made only of digits is not a tag in Obsidian's syntax
        return t.matches("[\\p{N}/-]*") ? "t-" + t : t;
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
