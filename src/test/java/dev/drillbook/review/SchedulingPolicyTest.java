package dev.drillbook.review;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets per deck, and scheduling toward an interview: raised retention, capped intervals, normal after the day. */
class SchedulingPolicyTest {

    private static final StudyDay DAY = new StudyDay(ZoneOffset.UTC, 4);
    private static final SchedulingPolicy.Preset GLOBAL = new SchedulingPolicy.Preset("global", FsrsParameters.DEFAULT_WEIGHTS);

    private static SchedulingPolicy policy(Optional<InterviewGoal> interview, Map<String, SchedulingPolicy.Preset> decks) {
        return new SchedulingPolicy(FsrsParameters.DEFAULTS.withFuzz(false), GLOBAL, decks, false, EasyDays.NONE, interview, DAY);
    }

    @Test
    void theMostSpecificDeckPresetWins() {
        double[] w = FsrsParameters.DEFAULT_WEIGHTS.clone();
        w[20] = 0.3;
        SchedulingPolicy.Preset rag = new SchedulingPolicy.Preset("rag", w);
        SchedulingPolicy p = policy(Optional.empty(), Map.of("rag", rag));
        assertEquals("rag", p.presetFor("rag").parametersId());
        assertEquals("rag", p.presetFor("rag/evals").parametersId());
        assertEquals("global", p.presetFor("ragtime").parametersId());
        assertEquals("global", p.presetFor(null).parametersId());
        assertEquals(0.3, p.forCard("rag/evals", List.of(), Instant.now()).fsrs().parameters().w()[20]);
    }

    @Test
    void interviewRaisesRetentionAndCapsIntervalsForItsTopicsUntilTheDay() {
        InterviewGoal goal = new InterviewGoal(LocalDate.of(2025, 3, 20), List.of("#rag", "system-design"), 0.95);
        SchedulingPolicy p = policy(Optional.of(goal), Map.of());
        Instant tenDaysBefore = Instant.parse("2025-03-10T12:00:00Z");

        SchedulingPolicy.CardScheduling tagged = p.forCard("misc", List.of("rag/chunking"), tenDaysBefore);
        assertTrue(tagged.forInterview());
        assertEquals(0.95, tagged.desiredRetention());
        assertEquals(9, tagged.fsrs().parameters().maximumInterval(), "due by the 19th, the day before");
        assertTrue(p.forCard("system-design/caching", List.of(), tenDaysBefore).forInterview());

        SchedulingPolicy.CardScheduling other = p.forCard("training", List.of("optimizers"), tenDaysBefore);
        assertFalse(other.forInterview());
        assertEquals(0.9, other.desiredRetention());
        assertEquals(36500, other.fsrs().parameters().maximumInterval());

        // a well-known card answered Good ten days before: a 9-day interval at most (it would be months otherwise)
        Memory known = new Memory(CardState.REVIEW, 0, 60, 3, tenDaysBefore, tenDaysBefore.minus(Duration.ofDays(40)), 6, 0);
        Memory after = tagged.fsrs().review(known, Rating.GOOD, tenDaysBefore, 0.5);
        assertEquals(9, Fsrs.wholeDays(tenDaysBefore, after.due()));
        assertTrue(DAY.dateOf(after.due()).isBefore(goal.date()));
        assertTrue(Fsrs.wholeDays(tenDaysBefore, other.fsrs().review(known, Rating.GOOD, tenDaysBefore, 0.5).due()) > 60);

        // the day before: seen now, so no cap; on the day and after, normal scheduling
        assertEquals(36500, p.forCard("misc", List.of("rag"), Instant.parse("2025-03-19T12:00:00Z")).fsrs().parameters().maximumInterval());
        SchedulingPolicy.CardScheduling onTheDay = p.forCard("misc", List.of("rag"), Instant.parse("2025-03-20T12:00:00Z"));
        assertFalse(onTheDay.forInterview());
        assertEquals(0.9, onTheDay.desiredRetention());
        // a 1 am answer on the 20th still belongs to the study day of the 19th (days start at 4 am)
        assertTrue(p.forCard("misc", List.of("rag"), Instant.parse("2025-03-20T01:00:00Z")).forInterview());
    }

    @Test
    void anInterviewWithoutTopicsCoversEveryCardAndNeverLowersRetention() {
        InterviewGoal goal = new InterviewGoal(LocalDate.of(2025, 3, 20), List.of(), 0.85);
        SchedulingPolicy p = policy(Optional.of(goal), Map.of());
        SchedulingPolicy.CardScheduling s = p.forCard("anything", List.of(), Instant.parse("2025-03-01T12:00:00Z"));
        assertTrue(s.forInterview());
        assertEquals(0.9, s.desiredRetention(), "the chosen 0.9 is kept when the interview asks for less");
        assertEquals(List.of("rag", "evals", "system-design"), InterviewGoal.parseTopics(" #rag, evals  system-design,rag"));
    }

    @Test
    void intervalCapLeavesAtLeastOneReviewBeforeTheDay() {
        InterviewGoal goal = new InterviewGoal(LocalDate.of(2025, 3, 20), List.of(), 0.95);
        assertEquals(18, goal.intervalCap(LocalDate.of(2025, 3, 1)), "due on the 19th at the latest");
        assertEquals(1, goal.intervalCap(LocalDate.of(2025, 3, 18)));
        assertEquals(Integer.MAX_VALUE, goal.intervalCap(LocalDate.of(2025, 3, 19)));
        assertFalse(goal.activeOn(LocalDate.of(2025, 3, 20)));
        assertTrue(goal.activeOn(LocalDate.of(2025, 3, 19)));
    }
}
