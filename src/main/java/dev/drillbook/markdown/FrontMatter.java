package dev.drillbook.markdown;

import java.util.List;
import java.util.Map;

/**
 * The YAML (or JSON) block between {@code ---} lines at the top of a note, with Obsidian's keys named once.
 *
 * @param title {@code title}, or null
 * @param tags {@code tags} (or the deprecated {@code tag}) as a list, a flow list or a comma/space string, {@code #} stripped
 * @param aliases {@code aliases} (or {@code alias})
 * @param cssClasses {@code cssclasses} (or {@code cssclass})
 * @param properties every other key, in file order, values as YAML gave them (dates stay strings)
 * @param body the text after the front matter (the whole text when there is none)
 * @param bodyLineOffset how many lines the front matter took, so body line n is file line n + offset
 * @param problem why the front matter could not be read, or null
 */
public record FrontMatter(String title, List<String> tags, List<String> aliases, List<String> cssClasses,
        Map<String, Object> properties, String body, int bodyLineOffset, MarkdownProblem problem) {

    /** Keys with a meaning of their own; everything else is shown as a property. */
    public static final String TITLE = "title";
    public static final String TAGS = "tags";
    public static final String TAG = "tag";
    public static final String ALIASES = "aliases";
    public static final String ALIAS = "alias";
    public static final String CSSCLASSES = "cssclasses";
    public static final String CSSCLASS = "cssclass";

    public FrontMatter {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        cssClasses = List.copyOf(cssClasses);
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    private static final java.util.regex.Pattern LINK_TARGET = java.util.regex.Pattern.compile("\\[\\[([^\\]|#^]+)");

    /**
     * The targets of {@code [[links]]} written in the given properties (single values or lists), in order:
     * {@code notes: ["[[RAG]]", "[[BM25|lexical]]"]} → {@code RAG, BM25}.
     */
    public List<String> links(List<String> keys) {
        List<String> out = new java.util.ArrayList<>();
        for (String key : keys) {
            Object value = properties.get(key);
            java.util.Collection<?> values = value instanceof java.util.Collection<?> c ? c : value == null ? List.of() : List.of(value);
            for (Object v : values) {
                java.util.regex.Matcher m = LINK_TARGET.matcher(String.valueOf(v));
                while (m.find()) {
                    out.add(m.group(1).strip());
                }
            }
        }
        return out;
    }

    public static FrontMatter none(String body) {
        return new FrontMatter(null, List.of(), List.of(), List.of(), Map.of(), body, 0, null);
    }
}
