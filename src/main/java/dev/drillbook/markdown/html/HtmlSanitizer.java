package dev.drillbook.markdown.html;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Allow-list filter for raw HTML found in notes. It works on fragments (flexmark hands over single tags for inline
 * HTML), keeps allowed tags with allowed attributes, drops everything else, and drops the content of elements that
 * can run code or swallow the page ({@code script}, {@code style}, {@code iframe}, …). URLs must be relative or use
 * http, https or mailto ({@code data:image/…} for images); entities are decoded before that check, so
 * {@code jav&#x61;script:} does not slip through. Every attribute is re-quoted and re-escaped.
 */
public final class HtmlSanitizer {

    private static final Set<String> ALLOWED_TAGS = Set.of("a", "abbr", "b", "bdi", "bdo", "blockquote", "br",
            "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt",
            "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
            "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong",
            "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
            "wbr", "section", "article", "aside", "header", "footer", "nav", "time");

    /** Elements whose content goes too (not just the tags). */
    private static final Set<String> DROP_WITH_CONTENT = Set.of("script", "style", "iframe", "object", "embed",
            "noscript", "template", "textarea", "title", "xmp", "svg", "math", "frameset", "frame", "applet",
            "noembed", "plaintext", "select", "option", "button", "form", "input", "link", "meta", "base");

    private static final Set<String> VOID = Set.of("br", "hr", "img", "col", "wbr");

    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of("class", "id", "title", "lang", "dir", "align", "style");

    private static final Map<String, Set<String>> TAG_ATTRIBUTES = Map.of(
            "a", Set.of("href", "name", "target", "rel"),
            "img", Set.of("src", "alt", "width", "height", "loading"),
            "td", Set.of("colspan", "rowspan", "valign", "width"),
            "th", Set.of("colspan", "rowspan", "valign", "width", "scope"),
            "ol", Set.of("start", "type", "reversed"),
            "li", Set.of("value"),
            "details", Set.of("open"),
            "font", Set.of("color", "size"),
            "col", Set.of("span", "width"),
            "time", Set.of("datetime"));

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src");

    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*(/?)>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]+|[A-Za-z]+);?");
    private static final Pattern UNSAFE_STYLE = Pattern.compile(
            "(?i)url\\s*\\(|expression|javascript|vbscript|@import|behavior|-moz-binding|position\\s*:|\\\\");

    /** Hook that rewrites a relative {@code src}/{@code href} (to serve vault attachments); identity by default. */
    @FunctionalInterface
    public interface UrlRewriter {
        String rewrite(String tag, String attribute, String url);
    }

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        return sanitize(html, (tag, attribute, url) -> url);
    }

    public static String sanitize(String html, UrlRewriter rewriter) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c != '<') {
                out.append(c == '>' ? "&gt;" : String.valueOf(c));
                i++;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            if (html.startsWith("<!", i) || html.startsWith("<?", i)) {
                int end = html.indexOf('>', i);
                i = end < 0 ? html.length() : end + 1;
                continue;
            }
            Matcher tag = TAG.matcher(html);
            tag.region(i, html.length());
            if (!tag.lookingAt()) {
                out.append("&lt;");
                i++;
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !tag.group(1).isEmpty();
            i = tag.end();
            if (DROP_WITH_CONTENT.contains(name)) {
                if (!closing && !tag.group(4).equals("/")) {
                    int end = indexOfIgnoreCase(html, "</" + name, i);
                    if (end < 0) {
                        i = html.length();
                    } else {
                        int gt = html.indexOf('>', end);
                        i = gt < 0 ? html.length() : gt + 1;
                    }
                }
                continue;
            }
            if (!ALLOWED_TAGS.contains(name)) {
                continue;
            }
            if (closing) {
                if (!VOID.contains(name)) {
                    out.append("</").append(name).append('>');
                }
                continue;
            }
            out.append('<').append(name);
            appendAttributes(out, name, tag.group(3), rewriter);
            out.append('>');
        }
        return out.toString();
    }

    private static void appendAttributes(StringBuilder out, String tag, String attributes, UrlRewriter rewriter) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        Set<String> allowed = TAG_ATTRIBUTES.getOrDefault(tag, Set.of());
        boolean targetBlank = false;
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.startsWith("on") || !(GLOBAL_ATTRIBUTES.contains(name) || allowed.contains(name))) {
                continue;
            }
            String raw = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            String value = decodeEntities(raw);
            if (URL_ATTRIBUTES.contains(name)) {
                if (!safeUrl(value, "img".equals(tag))) {
                    continue;
                }
                value = rewriter.rewrite(tag, name, value);
            } else if ("style".equals(name) && UNSAFE_STYLE.matcher(value).find()) {
                continue;
            } else if ("target".equals(name)) {
                targetBlank = true;
            }
            if ("rel".equals(name)) {
                continue;
            }
            out.append(' ').append(name).append("=\"").append(escapeAttribute(value)).append('"');
        }
        if (targetBlank) {
            out.append(" rel=\"noopener noreferrer\"");
        }
    }

    /** True for relative URLs, fragments, and http(s)/mailto; {@code data:image/…} only where images load. */
    public static boolean safeUrl(String url, boolean image) {
        String compact = url.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
        int colon = compact.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int slash = compact.indexOf('/');
        int query = compact.indexOf('?');
        int hash = compact.indexOf('#');
        if ((slash >= 0 && slash < colon) || (query >= 0 && query < colon) || (hash >= 0 && hash < colon)) {
            return true;
        }
        String scheme = compact.substring(0, colon);
        if (scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto")) {
            return true;
        }
        return image && scheme.equals("data") && compact.matches("data:image/(png|jpe?g|gif|webp|avif);.*");
    }

    static String decodeEntities(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher m = ENTITY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#")) {
                try {
                    int code = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X')
                            ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    replacement = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
                } catch (NumberFormatException e) {
                    replacement = "";
                }
            } else {
                replacement = switch (entity.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "colon" -> ":";
                    case "tab" -> "\t";
                    case "newline" -> "\n";
                    case "nbsp" -> "\u00a0";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOfIgnoreCase(String haystack, String needle, int from) {
        int max = haystack.length() - needle.length();
        for (int i = from; i <= max; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
