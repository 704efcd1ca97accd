package dev.drillbook.interview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses a session's items: weak topics first (low recall probability, poor past grades), recently seen questions
 * last, topics spread so one tag does not take over, never the same question twice. Pure: candidates, time and a seed in.
 */
public final class SessionPlanner {

    /** Tags every item of a kind carries; they say nothing about the topic. */
    static final Set<String> GENERIC_TAGS = Set.of("behavioral", "behavioural", "system-design", "flashcards", "concept");

    private SessionPlanner() {
    }

    /**
     * Something that could be asked.
     *
     * @param retrievability FSRS probability of recall now (concept cards), null when never studied
     * @param pastGrade the last grade on 0–1, null when never graded
     * @param lastSeen when it was last reviewed, attempted or asked in a session, null if never
     */
    public record Candidate(ItemKind kind, String id, List<String> tags, Double retrievability, Double pastGrade, Instant lastSeen) {
        public Candidate {
            tags = List.copyOf(tags);
        }

        /** The first tag that names a topic, or the id when there is none. */
        public String topic() {
            return tags.stream().filter(t -> !GENERIC_TAGS.contains(t.toLowerCase(java.util.Locale.ROOT))).findFirst().orElse(id);
        }
    }

    /**
     * How much asking this helps: 0 (well known, just seen) to 1 (weak and not seen for a week).
     * Half from recall (unknown counts as 0.5), half from the last grade (ungraded counts as 0.5), then damped when seen
     * in the last day (×0.2), three days (×0.5) or week (×0.8).
     */
    public static double priority(Candidate c, Instant now) {
        double known = c.retrievability() == null ? 0.5 : c.retrievability();
        double grade = c.pastGrade() == null ? 0.5 : c.pastGrade();
        double weakness = 0.5 * (1 - known) + 0.5 * (1 - grade);
        if (c.lastSeen() != null) {
            Duration since = Duration.between(c.lastSeen(), now);
            if (since.toHours() < 24) {
                weakness *= 0.2;
            } else if (since.toDays() < 3) {
                weakness *= 0.5;
            } else if (since.toDays() < 7) {
                weakness *= 0.8;
            }
        }
        return weakness;
    }

    /**
     * The items for a format: its opening questions first (those that exist), then the rest by kind in interview order
     * (behavioural, concept, coding, drill); fewer when candidates run out. An opening question counts as one of its
     * kind's items and ignores the format's tags.
     */
    public static List<Candidate> plan(InterviewFormat format, Map<ItemKind, List<Candidate>> pool, Instant now, long seed) {
        Random random = new Random(seed);
        List<Candidate> out = new ArrayList<>();
        Set<String> usedTopics = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<ItemKind, Integer> pinned = new java.util.EnumMap<>(ItemKind.class);
        for (String id : format.opening()) {
            pool.values().stream().flatMap(List::stream).filter(c -> c.id().equals(id)).findFirst().filter(c -> ids.add(c.id()))
                    .ifPresent(c -> {
                        out.add(c);
                        usedTopics.add(c.topic());
                        pinned.merge(c.kind(), 1, Integer::sum);
                    });
        }
        for (ItemKind kind : List.of(ItemKind.BEHAVIORAL, ItemKind.CONCEPT, ItemKind.CODING, ItemKind.DRILL)) {
            int want = format.count(kind) - pinned.getOrDefault(kind, 0);
            List<Candidate> candidates = new ArrayList<>(new LinkedHashSet<>(pool.getOrDefault(kind, List.of())));
            candidates.removeIf(c -> ids.contains(c.id()));
            if (!format.tags().isEmpty() && kind != ItemKind.BEHAVIORAL) {
                candidates.removeIf(c -> c.tags().stream().noneMatch(format.tags()::contains));
            }
            // a small random jitter so equal priorities do not always give the same session
            Map<Candidate, Double> score = new java.util.HashMap<>();
            candidates.forEach(c -> score.put(c, priority(c, now) + random.nextDouble() * 0.1));
            candidates.sort(Comparator.comparingDouble((Candidate c) -> score.get(c)).reversed().thenComparing(Candidate::id));
            for (int i = 0; i < want && !candidates.isEmpty(); i++) {
                Candidate pick = candidates.stream().filter(c -> !usedTopics.contains(c.topic())).findFirst().orElse(candidates.get(0));
                candidates.remove(pick);
                if (ids.add(pick.id())) {
                    out.add(pick);
                    usedTopics.add(pick.topic());
                }
            }
        }
        return out;
    }
}
