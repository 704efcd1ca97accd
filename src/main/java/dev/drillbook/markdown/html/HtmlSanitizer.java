package dev.drillbook.markdown.html;

import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter every rendered note, card and drill passes through: OWASP java-html-sanitizer over the whole HTML
 * flexmark wrote, so tags are balanced (a stray {@code </div></main>} cannot close the page's own elements),
 * attributes are re-quoted and re-escaped, and only this allow-list survives:
 * <ul>
 * <li>text formatting, tables, lists, {@code <details>}, {@code <kbd>}, {@code <sub>}, {@code <img>} — the HTML
 * people write in Obsidian notes; page-structure elements ({@code header}, {@code nav}, {@code main}, …) become
 * {@code div}s so the site's own styles for them cannot apply;</li>
 * <li>inline styles limited to colours, fonts, alignment and borders — no positioning, margins, transforms or
 * URLs, so a note cannot overlay the site's controls;</li>
 * <li>links with {@link #PROTOCOLS} or relative URLs, images also from {@code data:image/…};</li>
 * <li>{@code <video>}/{@code <audio>} with relative sources (vault files);</li>
 * <li>{@code <iframe>} only from YouTube and Vimeo players, always sandboxed;</li>
 * <li>task-list checkboxes (always disabled).</li>
 * </ul>
 * Scripts, event handlers, {@code style}/{@code script}/{@code object} elements, forms and comments are dropped.
 * {@link PolicyFactory} is immutable, so one policy serves every thread.
 */
public final class HtmlSanitizer {

    /** URL schemes a link may use; anything else (javascript:, vbscript:, data: outside images, …) is removed. */
    public static final List<String> PROTOCOLS = List.of("http", "https", "mailto", "tel", "ftp", "irc", "ircs",
            "zotero");

    /** Where the renderer leaves an embed slot while the HTML is sanitised (the NUL marker does not survive). */
    static final String SLOT_ELEMENT = "drillbook-slot";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)data:image/(png|jpe?g|gif|webp|avif);base64,[A-Za-z0-9+/=\\s]*");
    private static final Pattern EMBED_PLAYER = Pattern.compile(
            "https://(www\\.youtube(-nocookie)?\\.com/embed/[A-Za-z0-9_-]{1,64}|player\\.vimeo\\.com/video/[0-9]{1,20})([?][A-Za-z0-9_=&.%-]*)?");
    private static final String IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups";

    private static final Set<String> CSS_PROPERTIES = Set.of("color", "background-color", "font-weight", "font-style",
            "font-size", "font-family", "font-variant", "text-align", "text-decoration", "text-transform",
            "vertical-align", "white-space", "letter-spacing", "line-height", "border", "border-color", "border-style",
            "border-width", "border-collapse", "border-radius", "padding", "list-style-type");

    private static final AttributePolicy URL = (element, attribute, value) -> safeUrl(value, false) ? value : null;
    private static final AttributePolicy IMAGE_URL = (element, attribute, value) -> safeUrl(value, true) ? value : null;
    /** Media of vault files only: relative URLs. */
    private static final AttributePolicy RELATIVE_URL = (element, attribute, value) ->
            SCHEME.matcher(value.strip()).find() || value.strip().startsWith("//") ? null : value;

    private static final ElementPolicy CHECKBOX = (element, attributes) -> {
        int type = attributes.indexOf("type");
        if (type < 0 || type % 2 != 0 || !"checkbox".equalsIgnoreCase(attributes.get(type + 1))) {
            return null;
        }
        if (!attributes.contains("disabled")) {
            attributes.add("disabled");
            attributes.add("disabled");
        }
        return element;
    };

    private static final ElementPolicy IFRAME = (element, attributes) -> {
        int src = attributes.indexOf("src");
        if (src < 0 || src % 2 != 0 || !EMBED_PLAYER.matcher(attributes.get(src + 1)).matches()) {
            return null;
        }
        String url = attributes.get(src + 1);
        attributes.clear();
        attributes.addAll(List.of("src", url, "sandbox", IFRAME_SANDBOX, "allowfullscreen", "allowfullscreen",
                "loading", "lazy", "referrerpolicy", "strict-origin-when-cross-origin", "class", "external-embed"));
        return element;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
                    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
                    "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
                    "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
                    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
                    "wbr", "time", "video", "audio", "source", "track", "center")
            .allowElements((element, attributes) -> "div", "section", "article", "aside", "header", "footer", "nav",
                    "main", "hgroup", "address")
            .allowElements(CHECKBOX, "input")
            .allowElements(IFRAME, "iframe")
            .allowElements(SLOT_ELEMENT)
            .allowWithoutAttributes("span", SLOT_ELEMENT)
            .allowAttributes("class", "id", "title", "lang", "dir", "role", "tabindex", "aria-hidden",
                    "aria-expanded", "aria-label", "data-href", "data-src", "data-callout", "data-callout-fold",
                    "data-heading", "data-footnote-id").globally()
            .allowAttributes("align").onElements("p", "div", "table", "td", "th", "tr", "img", "h1", "h2", "h3",
                    "h4", "h5", "h6", "caption", "center")
            .allowStyling(CssSchema.withProperties(CSS_PROPERTIES))
            .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
            .allowUrlProtocols("data")
            .allowAttributes("href").matching(URL).onElements("a")
            .allowAttributes("name", "target").onElements("a")
            .allowAttributes("src").matching(IMAGE_URL).onElements("img")
            .allowAttributes("alt", "width", "height", "loading").onElements("img")
            .allowAttributes("src").matching(RELATIVE_URL).onElements("video", "audio", "source", "track")
            .allowAttributes("poster").matching(RELATIVE_URL).onElements("video")
            .allowAttributes("controls", "loop", "muted", "preload", "width", "height").onElements("video", "audio")
            .allowAttributes("type").onElements("source", "input")
            .allowAttributes("kind", "srclang", "label").onElements("track")
            .allowAttributes("checked", "disabled").onElements("input")
            .allowAttributes("src").onElements("iframe")
            .allowAttributes("colspan", "rowspan", "valign", "width", "scope").onElements("td", "th")
            .allowAttributes("span", "width").onElements("col", "colgroup")
            .allowAttributes("start", "type", "reversed").onElements("ol")
            .allowAttributes("value").onElements("li")
            .allowAttributes("open").onElements("details")
            .allowAttributes("color", "size").onElements("font")
            .allowAttributes("datetime").onElements("time", "del", "ins")
            .allowAttributes("cite").matching(URL).onElements("blockquote", "q", "del", "ins")
            .toFactory();

    private HtmlSanitizer() {
    }

    private static final Pattern FORGED_SLOT = Pattern.compile("(?i)<(/?" + SLOT_ELEMENT + ")");
    private static final String SLOT_TAGS = "<" + SLOT_ELEMENT + "></" + SLOT_ELEMENT + ">";

    /**
     * The allow-listed, balanced form of {@code html}. Each {@code slot} character (where an embed goes) stays where
     * it was: it travels through the sanitiser as an element of its own that raw HTML in a note cannot forge.
     */
    public static String sanitize(String html, char slot) {
        if (html.indexOf(slot) < 0) {
            return sanitize(html);
        }
        String marked = FORGED_SLOT.matcher(escapeUnclosedRawText(html)).replaceAll("&lt;$1").replace(String.valueOf(slot), SLOT_TAGS);
        return POLICY.sanitize(marked).replace(SLOT_TAGS, String.valueOf(slot));
    }

    /** The allow-listed, balanced form of {@code html}. */
    public static String sanitize(String html) {
        return POLICY.sanitize(FORGED_SLOT.matcher(escapeUnclosedRawText(html)).replaceAll("&lt;$1"));
    }

    /** Elements whose content HTML reads as raw text up to their end tag (and the sanitiser drops with them). */
    private static final Pattern RAW_TEXT_OPEN = Pattern.compile(
            "(?i)<(iframe|textarea|title|style|script|xmp|noembed|noframes|noscript|plaintext)(?=[\\s/>])");

    /**
     * An opening {@code <iframe>}, {@code <style>}, … that is never closed would swallow the rest of the note: the
     * sanitiser drops such an element with all it contains. Its {@code <} is written as text instead, so the reader
     * sees the tag and keeps every word after it.
     */
    static String escapeUnclosedRawText(String html) {
        Matcher open = RAW_TEXT_OPEN.matcher(html);
        if (!open.find()) {
            return html;
        }
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(html.length() + 16);
        int copied = 0;
        do {
            if (lower.indexOf("</" + open.group(1).toLowerCase(java.util.Locale.ROOT), open.end()) < 0) {
                out.append(html, copied, open.start()).append("&lt;");
                copied = open.start() + 1;
            }
        } while (open.find());
        return out.append(html, copied, html.length()).toString();
    }

    /**
     * True for relative URLs and fragments, and for the {@link #PROTOCOLS}; {@code data:image/…} only where images
     * load. Control characters and whitespace inside a scheme do not hide it.
     */
    public static boolean safeUrl(String url, boolean image) {
        String compact = url.replaceAll("[\\s\\x00-\\x1f]", "");
        var scheme = SCHEME.matcher(compact);
        if (!scheme.find()) {
            return true;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (PROTOCOLS.contains(name)) {
            return true;
        }
        return image && name.equals("data") && DATA_IMAGE.matcher(url.strip()).matches();
    }
}
