package dev.drillbook.markdown.callout;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Obsidian's callout types and aliases; unknown types are styled as {@code note} but keep their name. */
public final class CalloutTypes {

    private static final Set<String> CANONICAL = Set.of("note", "abstract", "info", "todo", "tip", "success",
            "question", "warning", "failure", "danger", "bug", "example", "quote");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("summary", "abstract"), Map.entry("tldr", "abstract"),
            Map.entry("hint", "tip"), Map.entry("important", "tip"),
            Map.entry("check", "success"), Map.entry("done", "success"),
            Map.entry("help", "question"), Map.entry("faq", "question"),
            Map.entry("caution", "warning"), Map.entry("attention", "warning"),
            Map.entry("fail", "failure"), Map.entry("missing", "failure"),
            Map.entry("error", "danger"), Map.entry("cite", "quote"));

    private CalloutTypes() {
    }

    /** The style a type is drawn with: {@code tldr} → {@code abstract}, {@code my-type} → {@code note}. */
    public static String canonical(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (CANONICAL.contains(lower)) {
            return lower;
        }
        return ALIASES.getOrDefault(lower, "note");
    }

    /** Default title: the type as written, in title case ({@code tldr} → {@code Tldr}, {@code my-type} → {@code My-type}). */
    public static String defaultTitle(String type) {
        if (type.isEmpty()) {
            return "Note";
        }
        return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).toLowerCase(Locale.ROOT);
    }
}
