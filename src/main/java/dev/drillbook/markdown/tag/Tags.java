package dev.drillbook.markdown.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Obsidian's tag rules, shared by the inline parser and front-matter parsing. */
public final class Tags {

    /** Letters, digits, {@code _}, {@code -}, {@code /}; at least one character that is not a digit. */
    public static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_/-]*[\\p{L}_/-][\\p{L}\\p{N}_/-]*");

    private Tags() {
    }

    /** Strips a leading {@code #} and stray slashes; returns null when what is left is not a tag. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String tag = raw.strip();
        while (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        while (tag.endsWith("/")) {
            tag = tag.substring(0, tag.length() - 1);
        }
        while (tag.startsWith("/")) {
            tag = tag.substring(1);
        }
        return !tag.isEmpty() && NAME.matcher(tag).matches() ? tag : null;
    }

    /** Case-insensitive identity of a tag. */
    public static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** {@code a/b/c} → {@code [a, a/b, a/b/c]}: a nested tag also counts under its parents. */
    public static List<String> selfAndParents(String tag) {
        List<String> out = new ArrayList<>();
        int slash = tag.indexOf('/');
        while (slash > 0) {
            out.add(tag.substring(0, slash));
            slash = tag.indexOf('/', slash + 1);
        }
        out.add(tag);
        return out;
    }
}
