package dev.drillbook.interview;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPlannerTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static SessionPlanner.Candidate concept(String id, String topic, Double r, Double grade, Instant seen) {
        return new SessionPlanner.Candidate(ItemKind.CONCEPT, id, List.of(topic), r, grade, seen);
    }

    @Test
    void priorityFollowsWeaknessAndRecency() {
        double weak = SessionPlanner.priority(concept("a", "rag", 0.3, 0.2, null), NOW);
        double strong = SessionPlanner.priority(concept("b", "rag", 0.95, 1.0, null), NOW);
        double unknown = SessionPlanner.priority(concept("c", "rag", null, null, null), NOW);
        assertEquals(0.5 * 0.7 + 0.5 * 0.8, weak, 1e-12);
        assertEquals(0.5, unknown, 1e-12);
        assertTrue(weak > unknown && unknown > strong);
        double seenToday = SessionPlanner.priority(concept("d", "rag", 0.3, 0.2, NOW.minus(Duration.ofHours(2))), NOW);
        double seenTwoDaysAgo = SessionPlanner.priority(concept("e", "rag", 0.3, 0.2, NOW.minus(Duration.ofDays(2))), NOW);
        assertEquals(weak * 0.2, seenToday, 1e-12);
        assertEquals(weak * 0.5, seenTwoDaysAgo, 1e-12);
    }

    @Test
    void weakTopicsFirstSpreadOverTagsAndNoRepeats() {
        List<SessionPlanner.Candidate> concepts = List.of(
                concept("rag-1", "rag", 0.2, 0.1, null),
                concept("rag-2", "rag", 0.25, 0.1, null),
                concept("attn-1", "transformers", 0.5, 0.5, null),
                concept("eval-1", "evals", 0.9, 0.9, null),
                concept("eval-2", "evals", 0.3, 0.2, NOW.minus(Duration.ofHours(1))),
                concept("rag-1", "rag", 0.2, 0.1, null));
        InterviewFormat format = new InterviewFormat("f", "F", "", Map.of(ItemKind.CONCEPT, 3), Map.of(), List.of());
        List<SessionPlanner.Candidate> plan = SessionPlanner.plan(format, Map.of(ItemKind.CONCEPT, concepts), NOW, 7);
        assertEquals(3, plan.size());
        assertEquals(3, new HashSet<>(plan.stream().map(SessionPlanner.Candidate::id).toList()).size(), "no repeats");
        assertEquals("rag-1", plan.get(0).id(), "the weakest first");
        assertEquals(List.of("rag", "transformers", "evals"), plan.stream().map(SessionPlanner.Candidate::topic).toList(),
                "one per topic while other topics remain");
        for (long seed = 0; seed < 20; seed++) {
            List<String> ids = SessionPlanner.plan(format, Map.of(ItemKind.CONCEPT, concepts), NOW, seed).stream()
                    .map(SessionPlanner.Candidate::id).toList();
            assertTrue(ids.contains("rag-1") && !ids.contains("rag-2"), "seed " + seed + ": " + ids);
        }
    }

    @Test
    void kindsInInterviewOrderTagFilterAndShortPools() {
        var drill = new SessionPlanner.Candidate(ItemKind.DRILL, "drills/cache", List.of("system-design", "serving"), null, 0.3, null);
        var other = new SessionPlanner.Candidate(ItemKind.DRILL, "drills/recsys", List.of("system-design", "recsys"), null, 0.9, null);
        var story = new SessionPlanner.Candidate(ItemKind.BEHAVIORAL, "behavioral/journey", List.of("behavioral", "journey"), null, null, null);
        InterviewFormat format = new InterviewFormat("f", "F", "", Map.of(ItemKind.BEHAVIORAL, 1, ItemKind.CONCEPT, 2, ItemKind.DRILL, 1),
                Map.of(), List.of("recsys", "rag"));
        List<SessionPlanner.Candidate> plan = SessionPlanner.plan(format, Map.of(ItemKind.DRILL, List.of(drill, other),
                ItemKind.BEHAVIORAL, List.of(story), ItemKind.CONCEPT, List.of(concept("rag-1", "rag", null, null, null))), NOW, 1);
        assertEquals(List.of("behavioral/journey", "rag-1", "drills/recsys"), plan.stream().map(SessionPlanner.Candidate::id).toList(),
                "behavioural first; the tag filter keeps only recsys and rag; one concept card was all there was");
        assertEquals("serving", drill.topic(), "generic tags are not topics");
    }

    @Test
    void formatTimes() {
        assertEquals(300 + 3 * 180 + 1800, InterviewFormat.DEFAULT.totalSeconds());
        assertEquals(90, FormatParser.seconds("90s"));
        assertEquals(300, FormatParser.seconds("5m"));
        assertEquals(300, FormatParser.seconds("5"));
        assertEquals(null, FormatParser.seconds("soon"));
        var parsed = FormatParser.parse("questions/interviews/x.md", """
                ---
                type: interview-format
                title: Phone screen
                behavioral: 1
                concept: 4
                concept-time: 2m
                drill: lots
                ---
                A short screen.
                """);
        InterviewFormat f = parsed.format().orElseThrow();
        assertEquals("interviews/x", f.id());
        assertEquals(4, f.count(ItemKind.CONCEPT));
        assertEquals(120, f.secondsFor(ItemKind.CONCEPT));
        assertEquals(300, f.secondsFor(ItemKind.BEHAVIORAL), "default time");
        assertEquals(1, parsed.problems().size(), "the bad drill count: " + parsed.problems());
    }

    @Test
    void openingQuestionsComeFirstAndCountAsTheirKind() {
        var journey = new SessionPlanner.Candidate(ItemKind.BEHAVIORAL, "behavioral/journey", List.of("behavioral", "journey"), 0.0, 1.0,
                NOW.minus(Duration.ofHours(1)));
        var failure = new SessionPlanner.Candidate(ItemKind.BEHAVIORAL, "behavioral/failure", List.of("behavioral", "reflection"), null, 0.1, null);
        var conflict = new SessionPlanner.Candidate(ItemKind.BEHAVIORAL, "behavioral/conflict", List.of("behavioral", "conflict"), null, 0.9, null);
        var topP = new SessionPlanner.Candidate(ItemKind.CODING, "coding/top-p", List.of("coding", "sampling"), null, null, null);
        var drill = new SessionPlanner.Candidate(ItemKind.DRILL, "drills/cache", List.of("system-design", "serving"), null, null, null);
        Map<ItemKind, List<SessionPlanner.Candidate>> pool = Map.of(ItemKind.BEHAVIORAL, List.of(journey, failure, conflict),
                ItemKind.CODING, List.of(topP), ItemKind.DRILL, List.of(drill));
        InterviewFormat format = new InterviewFormat("f", "F", "", Map.of(ItemKind.BEHAVIORAL, 2, ItemKind.CODING, 1, ItemKind.DRILL, 1),
                Map.of(), List.of("rag"), List.of("behavioral/journey", "drills/cache", "no/such-question"));
        for (long seed = 0; seed < 10; seed++) {
            List<String> ids = SessionPlanner.plan(format, pool, NOW, seed).stream().map(SessionPlanner.Candidate::id).toList();
            assertEquals(List.of("behavioral/journey", "drills/cache", "behavioral/failure"), ids,
                    "pinned first although well known, just seen and outside the tags; then one more behavioural (the weakest); "
                            + "the drill slot is taken by the pinned drill; the coding item is filtered out by the tags; an unknown id is skipped");
        }
        InterviewFormat coding = new InterviewFormat("c", "C", "", Map.of(ItemKind.CODING, 1, ItemKind.BEHAVIORAL, 1), Map.of(), List.of());
        assertEquals(List.of("behavioral/failure", "coding/top-p"),
                SessionPlanner.plan(coding, pool, NOW, 3).stream().map(SessionPlanner.Candidate::id).toList(), "coding after behavioural");
    }

    @Test
    void formatsReadOpeningQuestionsAndCodingItems() {
        InterviewFormat one = FormatParser.parse("questions/interviews/a.md", """
                ---
                type: interview-format
                behavioral: 2
                opening: behavioral/journey
                ---
                """).format().orElseThrow();
        assertEquals(List.of("behavioral/journey"), one.opening());
        var parsed = FormatParser.parse("questions/interviews/b.md", """
                ---
                type: interview-format
                coding: 2
                coding-time: 25m
                opening: [questions/coding/top-p.md, behavioral/why-this-role, behavioral/why-this-role]
                ---
                """);
        InterviewFormat two = parsed.format().orElseThrow();
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of("coding/top-p", "behavioral/why-this-role"), two.opening(), "path forms accepted, duplicates dropped");
        assertEquals(2, two.count(ItemKind.CODING));
        assertEquals(1500, two.secondsFor(ItemKind.CODING));
        assertEquals(List.of(), InterviewFormat.DEFAULT.opening());
        assertEquals(1500, InterviewFormat.DEFAULT.secondsFor(ItemKind.CODING), "a default time for every kind");
    }
}
