package dev.drillbook.interview;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A mock-interview format: how many items of each kind, the time for each, optionally the tags to draw from and the
 * questions that always open it.
 *
 * @param id the file's path under {@code questions/} without {@code .md}, or {@code custom}
 * @param seconds per-item time limit by kind
 * @param opening ids of questions asked first, in this order (e.g. {@code behavioral/journey}); each counts as one of
 *                its kind's items
 */
public record InterviewFormat(String id, String title, String description, Map<ItemKind, Integer> counts,
        Map<ItemKind, Integer> seconds, List<String> tags, List<String> opening) {

    public InterviewFormat(String id, String title, String description, Map<ItemKind, Integer> counts, Map<ItemKind, Integer> seconds,
            List<String> tags) {
        this(id, title, description, counts, seconds, tags, List.of());
    }

    /** The default when the questions folder defines none: 1 behavioural, 3 concept, 1 system design. */
    public static final InterviewFormat DEFAULT = new InterviewFormat("default", "45-minute applied-LLM engineer",
            "One behavioural question, three concept questions and a system-design drill.",
            Map.of(ItemKind.BEHAVIORAL, 1, ItemKind.CONCEPT, 3, ItemKind.DRILL, 1),
            Map.of(ItemKind.BEHAVIORAL, 300, ItemKind.CONCEPT, 180, ItemKind.CODING, 1500, ItemKind.DRILL, 1800), List.of());

    public InterviewFormat {
        counts = Map.copyOf(counts);
        seconds = Map.copyOf(seconds);
        tags = List.copyOf(tags);
        opening = List.copyOf(opening);
    }

    public int count(ItemKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int secondsFor(ItemKind kind) {
        return seconds.getOrDefault(kind, DEFAULT.seconds.get(kind));
    }

    public int totalItems() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The whole session's time budget, in seconds. */
    public int totalSeconds() {
        Map<ItemKind, Integer> m = new EnumMap<>(ItemKind.class);
        m.putAll(counts);
        return m.entrySet().stream().mapToInt(e -> e.getValue() * secondsFor(e.getKey())).sum();
    }
}
