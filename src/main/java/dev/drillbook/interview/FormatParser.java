package dev.drillbook.interview;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultProblem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an interview format from a file with {@code type: interview-format}: front matter {@code title}, item counts
 * {@code behavioral}, {@code concept}, {@code coding}, {@code drill}, per-item times {@code behavioral-time},
 * {@code concept-time}, {@code coding-time}, {@code drill-time} (e.g. {@code 5m}, {@code 90s}), optional {@code tags} to
 * draw from and {@code opening}: the id (or a list of ids) of the questions that always open the session; the body is
 * the description.
 */
public final class FormatParser {

    private static final Pattern TIME = Pattern.compile("^(\\d{1,4})\\s*(s|sec|m|min|h)?$");
    static final int MAX_ITEMS = 20;

    private FormatParser() {
    }

    public record Result(Optional<InterviewFormat> format, List<VaultProblem> problems) {
    }

    public static boolean isFormat(FrontMatter fm) {
        Object type = fm.properties().get("type");
        return type != null && "interview-format".equals(type.toString().strip().toLowerCase(Locale.ROOT));
    }

    public static Result parse(String source, String text) {
        FrontMatter fm = NoteBuilder.frontMatter(text);
        List<VaultProblem> problems = new ArrayList<>();
        if (fm.problem() != null) {
            problems.add(new VaultProblem(source, "format-front-matter", fm.problem().message(), fm.problem().line()));
            return new Result(Optional.empty(), problems);
        }
        String title = fm.title() != null ? fm.title() : value(fm, "title");
        if (title == null || title.isBlank()) {
            title = source.replaceFirst(".*/", "").replaceFirst("(?i)\\.md$", "");
        }
        Map<ItemKind, Integer> counts = new EnumMap<>(ItemKind.class);
        Map<ItemKind, Integer> seconds = new EnumMap<>(ItemKind.class);
        for (ItemKind kind : ItemKind.values()) {
            String count = value(fm, kind.id());
            if (count == null && kind == ItemKind.BEHAVIORAL) {
                count = value(fm, "behavioural");
            }
            if (count != null) {
                try {
                    int n = Integer.parseInt(count.strip());
                    if (n < 0 || n > MAX_ITEMS) {
                        throw new NumberFormatException();
                    }
                    counts.put(kind, n);
                } catch (NumberFormatException e) {
                    problems.add(problem(source, kind.id() + " must be a whole number from 0 to " + MAX_ITEMS + ", not \"" + count + "\"."));
                }
            }
            String time = value(fm, kind.id() + "-time");
            if (time != null) {
                Integer s = seconds(time);
                if (s == null) {
                    problems.add(problem(source, kind.id() + "-time should look like 5m or 90s, not \"" + time + "\"."));
                } else {
                    seconds.put(kind, s);
                }
            }
        }
        if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            problems.add(problem(source, "The format asks for no items: set behavioral, concept and/or drill counts."));
            return new Result(Optional.empty(), problems);
        }
        String id = source.replaceFirst("^questions/", "").replaceFirst("(?i)\\.md$", "");
        return new Result(Optional.of(new InterviewFormat(id, title.strip(), fm.body().strip(), counts, seconds, fm.tags(), opening(fm))),
                problems);
    }

    /** {@code opening: behavioral/journey} or a list of such ids, as written (a leading {@code questions/} and {@code .md} dropped). */
    private static List<String> opening(FrontMatter fm) {
        Object v = fm.properties().get("opening");
        List<?> values = v instanceof List<?> list ? list : v == null ? List.of() : List.of(v);
        List<String> ids = new ArrayList<>();
        for (Object o : values) {
            String id = String.valueOf(o).strip().replaceFirst("^questions/", "").replaceFirst("(?i)\\.md$", "");
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** {@code 5m} → 300, {@code 90s} → 90, {@code 1h} → 3600, a bare number is minutes; null when unreadable. */
    public static Integer seconds(String time) {
        Matcher m = TIME.matcher(time.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2);
        int s = switch (unit) {
            case "s", "sec" -> n;
            case "h" -> n * 3600;
            default -> n * 60;
        };
        return s <= 0 ? null : s;
    }

    private static String value(FrontMatter fm, String key) {
        Object v = fm.properties().get(key);
        return v == null ? null : v.toString();
    }

    private static VaultProblem problem(String source, String message) {
        return new VaultProblem(source, "format", message, 1);
    }
}
