package dev.drillbook.anki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anki's "Notes in Plain Text" format, both ways: tab-separated fields, {@code #key:value} header lines, fields with a tab,
 * newline or quote wrapped in double quotes (quotes doubled), HTML in fields. Pure.
 */
public final class AnkiText {

    private static final Pattern MATH_INLINE = Pattern.compile("<span class=\"math math-inline\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern MATH_BLOCK = Pattern.compile("<div class=\"math math-block[^\"]*\">(.*?)</div>", Pattern.DOTALL);

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));");

    private AnkiText() {
    }

    /** One note: HTML fields, its deck ({@code ::} separates levels) and tags. */
    public record Note(String front, String back, String deck, List<String> tags) {
    }

    /** A file Anki's importer reads as Basic notes, with the deck and tags columns declared in the header. */
    public static String write(List<Note> notes) {
        StringBuilder b = new StringBuilder("#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n");
        for (Note n : notes) {
            b.append(field(n.front())).append('\t').append(field(n.back())).append('\t').append(field(n.deck())).append('\t')
                    .append(field(String.join(" ", n.tags().stream().map(t -> t.replaceAll("\\s+", "_")).toList()))).append('\n');
        }
        return b.toString();
    }

    /** KaTeX spans from Drillbook's renderer become MathJax delimiters, which Anki typesets. */
    public static String ankiMath(String html) {
        String out = MATH_BLOCK.matcher(html).replaceAll(m -> Matcher.quoteReplacement("\\[" + m.group(1) + "\\]"));
        return MATH_INLINE.matcher(out).replaceAll(m -> Matcher.quoteReplacement("\\(" + m.group(1) + "\\)"));
    }

    /** The header settings and rows of a notes file; without a header, tab-separated front and back are assumed. */
    public record Parsed(Map<String, String> header, List<List<String>> rows) {
        public int column(String name, int fallback) {
            String v = header.get(name);
            try {
                return v == null ? fallback : Integer.parseInt(v.strip()) - 1;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }

    public static Parsed read(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        String s = text.replace("\r\n", "\n");
        int i = 0;
        while (i < s.length() && s.charAt(i) == '#') {
            int end = s.indexOf('\n', i);
            String line = s.substring(i + 1, end < 0 ? s.length() : end);
            int colon = line.indexOf(':');
            if (colon > 0) {
                header.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            i = end < 0 ? s.length() : end + 1;
        }
        char sep = separator(header.getOrDefault("separator", "tab"));
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == sep) {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                if (any || row.size() > 1 || !row.get(0).isEmpty()) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return new Parsed(header, rows);
    }

    /** HTML from Anki as Markdown-ish text for a card file: breaks and blocks become lines, tags go, entities decode. */
    public static String toText(String html) {
        String t = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</(p|div|li|h[1-6])>", "\n")
                .replaceAll("(?i)<(b|strong)>", "**").replaceAll("(?i)</(b|strong)>", "**")
                .replaceAll("(?i)<(i|em)>", "*").replaceAll("(?i)</(i|em)>", "*")
                .replaceAll("\\\\\\((.*?)\\\\\\)", "\\$$1\\$").replaceAll("(?s)\\\\\\[(.*?)\\\\\\]", "\\$\\$$1\\$\\$")
                .replaceAll("<[^>]+>", "");
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        // the sanitiser writes some characters as numeric references (+ as &#43;, @ as &#64;)
        t = NUMERIC_ENTITY.matcher(t).replaceAll(m -> Matcher.quoteReplacement(codePoint(m))).replace("&amp;", "&");
        // a blank line would end the card block: keep paragraphs as single line breaks
        return t.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{2,}", "\n").strip();
    }

    private static String codePoint(java.util.regex.MatchResult m) {
        try {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : m.group();
        } catch (NumberFormatException e) {
            return m.group();
        }
    }

    private static char separator(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "pipe", "|" -> '|';
            case "space", " " -> ' ';
            case "colon", ":" -> ':';
            default -> '\t';
        };
    }

    private static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('"') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
