package dev.drillbook.plan;

import dev.drillbook.review.InterviewGoal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterviewPlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    private static final InterviewGoal GOAL = new InterviewGoal(LocalDate.of(2025, 3, 11), List.of("rag", "evals"), 0.95);

    private static InterviewPlanner.Card card(String id, String topic, double r, LocalDate due) {
        return new InterviewPlanner.Card(id, List.of(topic), r, due, due != null);
    }

    @Test
    void topicMasteryAveragesCardsDrillsAndInterviewItems() {
        List<InterviewPlanner.Card> cards = List.of(card("a", "rag", 0.9, TODAY.plusDays(3)), card("b", "rag", 0.5, TODAY.plusDays(40)),
                card("c", "evals", 0.8, TODAY.plusDays(60)));
        List<InterviewPlanner.Drill> drills = List.of(new InterviewPlanner.Drill("d1", "RAG at scale", List.of("rag/serving"), 0.4),
                new InterviewPlanner.Drill("d2", "Eval harness", List.of("evals"), null));
        InterviewPlanner.Plan plan = InterviewPlanner.plan(GOAL, TODAY, cards, drills, List.of(Map.entry(List.of("rag"), 0.2)));
        InterviewPlanner.Topic rag = plan.topics().get(0);
        assertEquals("rag", rag.name());
        assertEquals(0.7, rag.cards(), 1e-12);
        assertEquals(0.4, rag.drills(), 1e-12);
        assertEquals(0.2, rag.interviews(), 1e-12);
        assertEquals((0.7 + 0.4 + 0.2) / 3, rag.mastery(), 1e-12);
        InterviewPlanner.Topic evals = plan.topics().get(1);
        assertNull(evals.drills(), "a drill never graded says nothing");
        assertEquals(0.8, evals.mastery(), 1e-12);
    }

    @Test
    void cardsDueAfterTheDayComeBackBeforeItWeakestFirstAndEvenly() {
        List<InterviewPlanner.Card> cards = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cards.add(card("strong" + i, "evals", 0.95, TODAY.plusDays(30 + i)));
            cards.add(card("weak" + i, "rag", 0.4, TODAY.plusDays(30 + i)));
        }
        cards.add(card("soon", "evals", 0.9, TODAY.plusDays(2)));
        cards.add(card("new", "rag", 0, null));
        InterviewPlanner.Plan plan = InterviewPlanner.plan(GOAL, TODAY, cards, List.of(), List.of());
        assertEquals(10, plan.daysLeft());
        assertEquals(20, plan.moves().size(), "every review card due on or after the day is brought forward; 'soon' already is");
        assertFalse(plan.moves().containsKey("soon"));
        assertEquals(1, plan.newCards());
        for (LocalDate d : plan.moves().values()) {
            assertTrue(d.isBefore(GOAL.date()) && !d.isBefore(TODAY));
        }
        LocalDate lastWeak = plan.moves().entrySet().stream().filter(e -> e.getKey().startsWith("weak")).map(Map.Entry::getValue)
                .max(LocalDate::compareTo).orElseThrow();
        LocalDate firstStrong = plan.moves().entrySet().stream().filter(e -> e.getKey().startsWith("strong")).map(Map.Entry::getValue)
                .min(LocalDate::compareTo).orElseThrow();
        assertFalse(lastWeak.isAfter(firstStrong), "weak topic first: " + lastWeak + " vs " + firstStrong);
        // 21 reviews over 10 days: at most 3 on a day
        int max = plan.days().stream().mapToInt(InterviewPlanner.Day::reviews).max().orElseThrow();
        assertEquals(21, plan.days().stream().mapToInt(InterviewPlanner.Day::reviews).sum());
        assertTrue(max <= 3, "max " + max);
        assertEquals(List.of("rag"), plan.days().get(0).focus());
    }

    @Test
    void mockInterviewsTwoDaysBeforeAndWeeklyDrillsOtherwise() {
        List<InterviewPlanner.Drill> drills = List.of(new InterviewPlanner.Drill("d1", "RAG", List.of("rag"), 0.3),
                new InterviewPlanner.Drill("d2", "Evals", List.of("evals"), 0.9));
        InterviewPlanner.Plan plan = InterviewPlanner.plan(GOAL, TODAY, List.of(card("a", "rag", 0.5, TODAY)), drills, List.of());
        assertEquals(10, plan.days().size());
        List<LocalDate> mocks = plan.days().stream().filter(InterviewPlanner.Day::mockInterview).map(InterviewPlanner.Day::date).toList();
        assertEquals(List.of(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 9)), mocks, "2 and 9 days before the 11th");
        assertEquals("d1", plan.days().get(0).drill().id(), "the weakest topic's drill first");
        assertNull(plan.days().get(1).drill());
        assertEquals("d2", plan.days().get(2).drill().id());
        assertNull(plan.days().get(3).drill(), "a drill every other day");
        assertEquals("d1", plan.days().get(4).drill().id(), "then the list starts again");
    }

    @Test
    void onTheDayThereIsNothingLeftToPlan() {
        InterviewPlanner.Plan plan = InterviewPlanner.plan(GOAL, GOAL.date(), List.of(card("a", "rag", 0.5, TODAY.plusDays(40))), List.of(), List.of());
        assertEquals(0, plan.daysLeft());
        assertTrue(plan.moves().isEmpty());
        assertTrue(plan.days().isEmpty());
    }
}
