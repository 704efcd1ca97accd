package dev.drillbook.markdown.mdlink;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown link's URL read as a vault link: {@code Note%20Name.md#Heading}, {@code <Note Name.md>},
 * {@code ../img/x.png} or {@code obsidian://open?vault=V&file=Folder%2FNote}.
 *
 * @param file decoded file part ({@code Note Name.md}), empty for {@code #anchor} links
 * @param anchor decoded anchor, or null
 */
public record LocalLink(String file, String anchor) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern OBSIDIAN_FILE = Pattern.compile("[?&]file=([^&#]*)");

    /** The local link a URL stands for, or null when it points outside the vault (http, mailto, …). */
    public static LocalLink parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (u.toLowerCase(Locale.ROOT).startsWith("obsidian://open")) {
            Matcher m = OBSIDIAN_FILE.matcher(u);
            return m.find() ? new LocalLink(decode(m.group(1)), null) : null;
        }
        if (SCHEME.matcher(u).find() || u.startsWith("/") || u.startsWith("//")) {
            return null;
        }
        int hash = u.indexOf('#');
        String file = hash < 0 ? u : u.substring(0, hash);
        String anchor = hash < 0 ? null : decode(u.substring(hash + 1));
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        return new LocalLink(decode(file), anchor == null || anchor.isBlank() ? null : anchor);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Markdown links to notes need the {@code .md} (or no extension at all); anything else is an attachment. */
    public boolean looksLikeNote() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.toLowerCase(Locale.ROOT).endsWith(".md") || !name.contains(".");
    }
}
