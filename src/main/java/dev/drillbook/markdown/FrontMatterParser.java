package dev.drillbook.markdown;

import dev.drillbook.markdown.tag.Tags;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads front matter with a real YAML parser before Markdown sees the note (flexmark's front-matter extension is a
 * line regex). Dates are not resolved, so {@code 2024-03-01} stays that string. A closing {@code ---} is required;
 * without one the text is all body. Bad YAML yields a problem with its file line, and the note renders without it.
 */
public final class FrontMatterParser {

    private static final Pattern FENCE = Pattern.compile("---[ \\t]*");
    private static final Pattern CLOSE = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,\\s]+");

    private FrontMatterParser() {
    }

    /** Text with {@code \r\n} normalised; a leading BOM is dropped. */
    public static FrontMatter parse(String text) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEol = source.indexOf('\n');
        if (firstEol < 0 || !FENCE.matcher(source.substring(0, firstEol)).matches()) {
            return FrontMatter.none(source);
        }
        int lineStart = firstEol + 1;
        int lines = 1;
        while (lineStart <= source.length()) {
            int eol = source.indexOf('\n', lineStart);
            String line = source.substring(lineStart, eol < 0 ? source.length() : eol);
            lines++;
            if (CLOSE.matcher(line).matches()) {
                String yaml = source.substring(firstEol + 1, lineStart);
                String body = eol < 0 ? "" : source.substring(eol + 1);
                return read(yaml, body, lines);
            }
            if (eol < 0) {
                break;
            }
            lineStart = eol + 1;
        }
        return FrontMatter.none(source);
    }

    private static FrontMatter read(String yamlText, String body, int lineOffset) {
        Object data;
        try {
            data = YAML.get().load(yamlText);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Integer line = mark == null ? 1 : mark.getLine() + 2;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            return broken(body, lineOffset, "Front matter is not valid YAML: " + problem
                    + ". The note is shown without its properties.", line);
        } catch (YAMLException e) {
            return broken(body, lineOffset, "Front matter could not be read: " + e.getMessage(), 1);
        }
        if (data == null) {
            return new FrontMatter(null, List.of(), List.of(), List.of(), Map.of(), body, lineOffset, null);
        }
        if (!(data instanceof Map<?, ?> map)) {
            return broken(body, lineOffset, "Front matter must be a set of key: value properties, not a "
                    + (data instanceof List ? "list" : "single value") + ".", 2);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        map.forEach((k, v) -> properties.put(String.valueOf(k), v));
        String title = scalar(properties.remove(FrontMatter.TITLE));
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : strings(properties.remove(FrontMatter.TAGS), true)) {
            addTag(tags, raw);
        }
        for (String raw : strings(properties.remove(FrontMatter.TAG), true)) {
            addTag(tags, raw);
        }
        List<String> aliases = new ArrayList<>(strings(properties.remove(FrontMatter.ALIASES), false));
        aliases.addAll(strings(properties.remove(FrontMatter.ALIAS), false));
        List<String> css = new ArrayList<>();
        for (String key : List.of(FrontMatter.CSSCLASSES, FrontMatter.CSSCLASS, "cssClasses")) {
            for (String c : strings(properties.remove(key), true)) {
                if (c.matches("[A-Za-z0-9_-]+")) {
                    css.add(c);
                }
            }
        }
        return new FrontMatter(title == null || title.isBlank() ? null : title.strip(), List.copyOf(tags),
                aliases.stream().filter(a -> !a.isBlank()).map(String::strip).distinct().toList(), css, properties,
                body, lineOffset, null);
    }

    private static void addTag(Set<String> tags, String raw) {
        String tag = Tags.normalize(raw);
        if (tag != null && tags.stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
            tags.add(tag);
        }
    }

    private static FrontMatter broken(String body, int lineOffset, String message, Integer line) {
        return new FrontMatter(null, List.of(), List.of(), List.of(), Map.of(), body, lineOffset,
                new MarkdownProblem(MarkdownProblem.BAD_FRONT_MATTER, message, line));
    }

    private static String scalar(Object value) {
        if (value == null || value instanceof Map || value instanceof Collection) {
            return value instanceof Collection<?> c && !c.isEmpty() ? String.valueOf(c.iterator().next()) : null;
        }
        return String.valueOf(value);
    }

    /** A list, or a string split on commas (and on spaces when {@code splitSpaces}). */
    private static List<String> strings(Object value, boolean splitSpaces) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item != null && !(item instanceof Map) && !(item instanceof Collection)) {
                    out.add(String.valueOf(item).strip());
                }
            }
        } else if (!(value instanceof Map)) {
            String s = String.valueOf(value);
            for (String part : splitSpaces ? LIST_SPLIT.split(s) : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** SnakeYAML is not thread-safe and costly to build: one per thread, safe types, no timestamp resolution. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatterParser::yaml);

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        options.setAllowDuplicateKeys(true);
        return new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(), options, new NoTimestampResolver());
    }

    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
