package dev.drillbook.grading;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.comment.CommentStripper;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a drill file: front matter ({@code type: drill}, {@code behavioral} or {@code coding}; {@code title}, {@code level},
 * {@code time}, {@code tags}, {@code notes}) and {@code ##} sections Prompt, Key points, Rubric (optional), Reference
 * outline, Follow-ups. The type picks the base rubric (system design, STAR or coding) and the default time.
 * Everything wrong is reported as a problem with its line; a drill without a prompt or key points is not loaded.
 * Pure: text in, drill and problems out.
 */
public final class DrillParser {

    static final Set<String> LEVELS = Set.of("mid", "senior", "staff");
    private static final Pattern SECTION = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.*)$");
    private static final Pattern REQUIRED = Pattern.compile("^(?:\\((?:required|must)\\)|\\[(?:required|must)]|!)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]|#^]+)");
    private static final Pattern WEIGHT = Pattern.compile("^([a-z][a-z0-9_-]*)\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:(?:—|–|--|-)\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("^(\\d{1,3})\\s*(m|min|minutes?)?$");

    /** The drill (if usable) and every problem found. */
    public record Result(Optional<Drill> drill, List<VaultProblem> problems) {
    }

    private DrillParser() {
    }

    /**
     * {@code drill}, {@code behavioral} or {@code coding} when a file's front matter says it is one (British spelling
     * accepted), else null.
     */
    public static String kindOf(FrontMatter fm) {
        Object type = fm.properties().get("type");
        String t = type == null ? "" : type.toString().strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "drill" -> Drill.DRILL;
            case "behavioral", "behavioural" -> Drill.BEHAVIORAL;
            case "coding" -> Drill.CODING;
            default -> null;
        };
    }

    public static Result parse(String source, String text) {
        FrontMatter fm = NoteBuilder.frontMatter(text);
        String kind = kindOf(fm) == null ? Drill.DRILL : kindOf(fm);
        boolean behavioral = Drill.BEHAVIORAL.equals(kind);
        List<VaultProblem> problems = new ArrayList<>();
        if (fm.problem() != null) {
            problems.add(new VaultProblem(source, "drill-front-matter", fm.problem().message(), fm.problem().line()));
            return new Result(Optional.empty(), problems);
        }
        String title = fm.title() != null ? fm.title() : string(fm.properties().get("title"));
        if (title == null || title.isBlank()) {
            problems.add(problem(source, "The drill has no title: add \"title:\" to its front matter.", 1));
            title = baseName(source);
        }
        String level = string(fm.properties().get("level"));
        if (level == null && behavioral) {
            level = "senior";
        } else if (level == null || !LEVELS.contains(level.strip().toLowerCase(Locale.ROOT))) {
            problems.add(problem(source, "level must be mid, senior or staff" + (level == null ? "" : ", not \"" + level + "\"")
                    + "; using senior.", 1));
            level = "senior";
        }
        boolean coding = Drill.CODING.equals(kind);
        int minutes = behavioral ? 5 : coding ? 30 : 45;
        String time = string(fm.properties().get("time"));
        if (time != null) {
            Matcher m = TIME.matcher(time.strip().toLowerCase(Locale.ROOT));
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
                minutes = Integer.parseInt(m.group(1));
            } else {
                problems.add(problem(source, "time should look like 45m, not \"" + time + "\"; using " + minutes + " minutes.", 1));
            }
        }
        List<String> notes = fm.links(List.of("notes"));

        Map<String, Section> sections = sections(CommentStripper.strip(fm.body()).text(), fm.bodyLineOffset());
        Section prompt = sections.getOrDefault("prompt", sections.get("question"));
        Section keySection = sections.getOrDefault("key points", sections.get("what a strong answer shows"));
        if (prompt == null || prompt.text().isBlank()) {
            problems.add(problem(source, "The drill needs a \"## Prompt\" section with the question.", null));
        }
        List<Drill.KeyPoint> keyPoints = new ArrayList<>();
        if (keySection == null) {
            problems.add(problem(source, "The drill needs a \"## Key points\" section: a list of what a strong answer covers.", null));
        } else {
            for (Item item : items(keySection)) {
                Matcher req = REQUIRED.matcher(item.text());
                boolean required = req.find();
                String pointText = required ? item.text().substring(req.end()) : item.text();
                List<String> links = new ArrayList<>();
                Matcher link = LINK.matcher(pointText);
                while (link.find()) {
                    links.add(link.group(1).strip());
                }
                keyPoints.add(new Drill.KeyPoint("k" + (keyPoints.size() + 1), pointText.strip(), required, links));
            }
            if (keyPoints.isEmpty()) {
                problems.add(problem(source, "\"## Key points\" has no list items.", keySection.line()));
            }
        }
        List<Drill.Dimension> overrides = new ArrayList<>();
        Section rubricSection = sections.get("rubric");
        if (rubricSection != null) {
            for (Item item : items(rubricSection)) {
                Matcher w = WEIGHT.matcher(item.text().strip());
                if (w.matches()) {
                    String dim = w.group(1).toLowerCase(Locale.ROOT).replace('-', '_');
                    overrides.add(new Drill.Dimension(dim, Double.parseDouble(w.group(2)), Rubric.titleOf(dim),
                            w.group(3) == null ? "" : w.group(3).strip()));
                } else {
                    problems.add(problem(source, "A rubric line must be \"dimension: weight\" (e.g. \"deep_dives: 30\" or \"evaluation: 10 — what it means\"), not \""
                            + item.text().strip() + "\".", item.line()));
                }
            }
        }
        List<Drill.Dimension> base = behavioral ? Rubric.STAR : coding ? Rubric.CODING : Rubric.DEFAULT;
        List<Drill.Dimension> rubric = Rubric.withOverrides(base, overrides);
        if (rubric.isEmpty()) {
            problems.add(problem(source, "The rubric gives every dimension weight 0; using the default rubric.", rubricSection.line()));
            rubric = base;
        }
        Section outline = sections.get("reference outline");
        if (outline == null && !behavioral) {
            problems.add(problem(source, "No \"## Reference outline\": the outline shown after an attempt will be empty.", null));
        }
        List<String> followUps = new ArrayList<>();
        Section followSection = sections.getOrDefault("follow-ups", sections.get("follow-up questions"));
        if (followSection != null) {
            items(followSection).forEach(i -> followUps.add(i.text().strip()));
        }
        List<String> tags = fm.tags();
        if (prompt == null || prompt.text().isBlank() || keyPoints.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        String id = source.replaceFirst("^questions/", "").replaceFirst("(?i)\\.md$", "");
        return new Result(Optional.of(new Drill(id, kind, source, title.strip(), level.strip().toLowerCase(Locale.ROOT), minutes, tags,
                notes, prompt.text().strip(), keyPoints, rubric, outline == null ? "" : outline.text().strip(), followUps)), problems);
    }

    private record Section(String text, int line) {
    }

    /**
     * The text under each {@code ##} heading of a Markdown body, by lower-cased heading (a heading inside fenced code
     * does not count; the first of two equal headings wins). Story notes are read with it too.
     */
    public static Map<String, String> sectionTexts(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        sections(body, 0).forEach((heading, section) -> out.put(heading, section.text()));
        return out;
    }

    private record Item(String text, int line) {
    }

    /** {@code ## Heading} sections by lower-cased heading; text keeps its lines. */
    private static Map<String, Section> sections(String body, int offset) {
        Map<String, Section> out = new LinkedHashMap<>();
        String[] lines = body.split("\n", -1);
        String current = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        boolean fence = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            if (line != null && (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~"))) {
                fence = !fence;
            }
            Matcher m = line == null || fence ? null : SECTION.matcher(line);
            if (line == null || (m != null && m.matches())) {
                if (current != null) {
                    out.putIfAbsent(current, new Section(text.toString(), start));
                }
                if (line == null) {
                    break;
                }
                current = m.group(1).strip().toLowerCase(Locale.ROOT).replace("followups", "follow-ups").replace("follow ups", "follow-ups");
                start = i + 1 + offset;
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        return out;
    }

    /** Top-level list items of a section; continuation lines are joined to their item. */
    private static List<Item> items(Section section) {
        List<Item> items = new ArrayList<>();
        String[] lines = section.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ITEM.matcher(lines[i]);
            if (m.matches() && !lines[i].startsWith("    ")) {
                items.add(new Item(m.group(1), section.line() + i + 1));
            } else if (!items.isEmpty() && !lines[i].isBlank()) {
                Item last = items.remove(items.size() - 1);
                items.add(new Item(last.text() + " " + lines[i].strip(), last.line()));
            }
        }
        return items;
    }

    private static VaultProblem problem(String source, String message, Integer line) {
        return new VaultProblem(source, "drill-format", message, line);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static String baseName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return name.replaceFirst("(?i)\\.md$", "");
    }
}
