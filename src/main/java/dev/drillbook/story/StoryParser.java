package dev.drillbook.story;

import dev.drillbook.grading.DrillParser;
import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.comment.CommentStripper;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultProblem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a story note: front matter {@code type: story} (or tag {@code #story}), {@code title}, {@code questions} (ids of
 * the behavioural questions it answers) and {@code time}; sections {@code ## Outline} (optional), {@code ## Situation},
 * {@code ## Task}, {@code ## Action}, {@code ## Result} and {@code ## Reflection} (or {@code ## Lessons}). What is
 * missing is a problem; the story is still read. Pure: text in, story and problems out.
 */
public final class StoryParser {

    public static final String TYPE = "story";
    /** The STAR sections, in telling order, with the headings accepted for each. */
    static final Map<String, List<String>> SECTIONS = sections();
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})\\s*(m|min|minutes?)?$");
    private static final Pattern SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)", Pattern.DOTALL);

    public record Result(Story story, List<VaultProblem> problems) {
    }

    private StoryParser() {
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Situation", List.of("situation", "context"));
        m.put("Task", List.of("task"));
        m.put("Action", List.of("action", "actions"));
        m.put("Result", List.of("result", "results", "outcome"));
        m.put("Reflection", List.of("reflection", "lessons", "what i learned", "learned"));
        return m;
    }

    /** Whether a note with this front-matter {@code type} and these tags is a story. */
    public static boolean isStory(Object type, Collection<String> tags) {
        if (type != null && TYPE.equals(type.toString().strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return tags.stream().map(Tags::key).anyMatch(k -> k.equals(TYPE) || k.startsWith(TYPE + "/"));
    }

    public static Result parse(String path, String title, String text) {
        FrontMatter fm = NoteBuilder.frontMatter(text);
        List<VaultProblem> problems = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        Object q = fm.properties().get("questions");
        for (Object o : q instanceof List<?> list ? list : q == null ? List.of() : List.of(q)) {
            String id = String.valueOf(o).strip().replaceFirst("^questions/", "").replaceFirst("(?i)\\.md$", "");
            if (!id.isEmpty() && !questions.contains(id)) {
                questions.add(id);
            }
        }
        if (questions.isEmpty()) {
            problems.add(problem(path, "The story answers no question: list the behavioural questions it answers in its front matter, "
                    + "e.g. questions: [behavioral/failure]."));
        }
        Integer minutes = null;
        Object time = fm.properties().get("time");
        if (time != null) {
            Matcher m = TIME.matcher(time.toString().strip().toLowerCase(Locale.ROOT));
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
                minutes = Integer.parseInt(m.group(1));
            } else {
                problems.add(problem(path, "time should look like 3m, not \"" + time + "\"."));
            }
        }
        Map<String, String> sections = DrillParser.sectionTexts(CommentStripper.strip(fm.body()).text());
        List<String> beats = new ArrayList<>();
        for (Map.Entry<String, List<String>> s : SECTIONS.entrySet()) {
            String body = s.getValue().stream().map(sections::get).filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
            if (body == null) {
                problems.add(problem(path, "The story has no \"## " + s.getKey() + "\" section (STAR: situation, task, action, result, "
                        + "reflection)."));
            } else {
                beats.add("- **" + s.getKey() + "**: " + firstSentence(body));
            }
        }
        String outline = sections.getOrDefault("outline", "").strip();
        if (outline.isEmpty()) {
            outline = String.join("\n", beats);
        }
        String name = fm.title() != null && !fm.title().isBlank() ? fm.title().strip() : title;
        return new Result(new Story(path, name, questions, minutes, outline, fm.tags()), problems);
    }

    /** The first sentence of a section, on one line, without list markers. */
    static String firstSentence(String body) {
        String text = body.strip().replaceFirst("^(?:[-*+]|\\d+[.)])\\s+", "").replaceAll("\\s+", " ");
        Matcher m = SENTENCE.matcher(text);
        return m.find() ? m.group(1) : text;
    }

    private static VaultProblem problem(String path, String message) {
        return new VaultProblem(path, "story", message, 1);
    }
}
