package dev.drillbook.review;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values from the FSRS-6 reference implementations' own tests (py-fsrs, fsrs-rs, ts-fsrs); fuzz off. */
class FsrsTest {

    private static final double EPS = 1e-4;
    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
    private final Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS.withFuzz(false));

    @Test
    void vectorV1ReviewsAtDueDates() {
        Rating[] ratings = {Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.AGAIN,
            Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        long[] intervals = {0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21};
        double[][] sd = {{2.3065, 2.1181040}, {2.3065, 2.1112142}, {10.9710483, 2.1043314}, {46.3168584, 2.0974554},
            {162.9998158, 2.0905863}, {497.8765551, 2.0837241}, {6.8904125, 7.3832023}, {2.1545984, 9.1251048},
            {2.1545984, 9.1112080}, {3.9831234, 9.0973252}, {7.2362545, 9.0834562}, {12.4830436, 9.0696011},
            {20.7703573, 9.0557599}};
        Memory m = Memory.NEW;
        Instant now = START;
        List<Long> got = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            m = fsrs.review(m, ratings[i], now, 0.5);
            got.add(Duration.between(now, m.due()).toDays());
            assertEquals(sd[i][0], m.stability(), EPS, "stability after review " + (i + 1));
            assertEquals(sd[i][1], m.difficulty(), EPS, "difficulty after review " + (i + 1));
            now = m.due();
        }
        assertEquals(toList(intervals), got);
        assertEquals(CardState.REVIEW, m.state());
        assertEquals(1, m.lapses());
        assertEquals(13, m.reps());
    }

    @Test
    void vectorV2MemoryState() {
        assertEquals(53.62691, replayV2(fsrs).stability(), EPS);
        assertEquals(6.3574867, replayV2(fsrs).difficulty(), EPS);
        double[] w = FsrsParameters.DEFAULT_WEIGHTS.clone();
        w[17] = 0;
        w[18] = 0;
        w[19] = 0;
        Fsrs noShortTerm = new Fsrs(FsrsParameters.DEFAULTS.withFuzz(false).withWeights(w));
        assertEquals(53.335106, replayV2(noShortTerm).stability(), EPS);
    }

    private static Memory replayV2(Fsrs scheduler) {
        Rating[] ratings = {Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        int[] gaps = {0, 0, 1, 3, 8, 21};
        Memory m = Memory.NEW;
        Instant now = START;
        for (int i = 0; i < ratings.length; i++) {
            now = now.plus(Duration.ofDays(gaps[i]));
            m = scheduler.review(m, ratings[i], now, 0.5);
        }
        return m;
    }

    @Test
    void retrievability() {
        double[][] cases = {{0, 1, 1.0}, {1, 2, 0.9403443}, {2, 3, 0.9253786}, {3, 4, 0.9185229}, {4, 4, 0.9}, {5, 2, 0.8261359}};
        for (double[] c : cases) {
            assertEquals(c[2], fsrs.retrievability(c[0], c[1]), EPS, "R(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void nextDifficultyUsesUnclampedEasyInitialDifficulty() {
        double[] expected = {8.341763, 6.6659956, 4.990228, 3.3144615};
        for (Rating g : Rating.values()) {
            assertEquals(expected[g.grade() - 1], fsrs.nextDifficulty(5, g), EPS, g.key());
        }
    }

    @Test
    void successLapseAndSameDayStability() {
        assertEquals(25.602541, fsrs.recallStability(1, 5, 0.9, Rating.AGAIN), EPS);
        assertEquals(28.226582, fsrs.recallStability(2, 5, 0.8, Rating.HARD), EPS);
        assertEquals(58.656002, fsrs.recallStability(3, 5, 0.7, Rating.GOOD), EPS);
        assertEquals(127.226685, fsrs.recallStability(4, 5, 0.6, Rating.EASY), EPS);

        assertEquals(1.0525396, fsrs.forgetStability(1, 5, 0.9), EPS);
        assertEquals(1.1894329, fsrs.forgetStability(2, 5, 0.8), EPS);
        assertEquals(1.3680838, fsrs.forgetStability(3, 5, 0.7), EPS);
        assertEquals(1.584989, fsrs.forgetStability(4, 5, 0.6), EPS);

        double[] sameDay = {1.596818, 5.0, 5.0, 8.12961};
        for (Rating g : Rating.values()) {
            assertEquals(sameDay[g.grade() - 1], fsrs.shortTermStability(5, g), EPS, g.key());
        }
    }

    @Test
    void firstReview() {
        double[] s0 = {0.212, 1.2931, 2.3065, 8.2956};
        double[] d0 = {6.4133, 5.11217071, 2.11810397, 1};
        Duration[] wait = {Duration.ofMinutes(1), Duration.ofSeconds(330), Duration.ofMinutes(10), Duration.ofDays(8)};
        for (Rating g : Rating.values()) {
            Memory m = fsrs.review(Memory.NEW, g, START, 0.5);
            assertEquals(s0[g.grade() - 1], m.stability(), EPS);
            assertEquals(d0[g.grade() - 1], m.difficulty(), EPS);
            assertEquals(wait[g.grade() - 1], Duration.between(START, m.due()), g.key());
        }
    }

    @Test
    void desiredRetentionSweep() {
        double[] retention = {0.70, 0.80, 0.85, 0.90, 0.95, 0.97, 0.99};
        int[] days = {929, 332, 191, 100, 40, 22, 7};
        for (int i = 0; i < retention.length; i++) {
            Fsrs f = new Fsrs(FsrsParameters.DEFAULTS.withDesiredRetention(retention[i]));
            assertEquals(days[i], f.interval(100), "r = " + retention[i]);
        }
    }

    @Test
    void fuzzRangesAndFloorPick() {
        Fsrs fuzzy = new Fsrs(FsrsParameters.DEFAULTS);
        assertArrayEquals(new int[] {2, 4}, fuzzy.fuzzRange(3));
        assertArrayEquals(new int[] {8, 12}, fuzzy.fuzzRange(10));
        assertArrayEquals(new int[] {27, 33}, fuzzy.fuzzRange(30));
        assertArrayEquals(new int[] {93, 107}, fuzzy.fuzzRange(100));
        assertArrayEquals(new int[] {345, 385}, fuzzy.fuzzRange(365));
        assertEquals(8, fuzzy.fuzz(10, 0.0));
        assertEquals(12, fuzzy.fuzz(10, 0.9999));
        assertEquals(10, fuzzy.fuzz(10, 0.5)); // floor(0.5·5 + 8) = 10
        assertEquals(2, fuzzy.fuzz(2, 0.99), "no fuzz below 2.5 days");
    }

    @Test
    void sameDayHardNeverLowersStability() {
        Memory learned = fsrs.review(Memory.NEW, Rating.GOOD, START, 0.5);
        Memory hard = fsrs.review(learned, Rating.HARD, START.plusSeconds(600), 0.5);
        assertTrue(hard.stability() >= learned.stability());
    }

    @Test
    void buttonsKeepHardBelowGoodBelowEasy() {
        Memory m = Memory.NEW;
        Instant now = START;
        for (int i = 0; i < 4; i++) {
            m = fsrs.review(m, Rating.GOOD, now, 0.5);
            now = m.due();
        }
        Map<Rating, Memory> preview = fsrs.preview(m, now, 0.5);
        long hard = Fsrs.wholeDays(now, preview.get(Rating.HARD).due());
        long good = Fsrs.wholeDays(now, preview.get(Rating.GOOD).due());
        long easy = Fsrs.wholeDays(now, preview.get(Rating.EASY).due());
        assertTrue(hard >= 1 && hard < good && good < easy, hard + " < " + good + " < " + easy);
        assertEquals(CardState.RELEARNING, preview.get(Rating.AGAIN).state());

        // a young card whose raw intervals collide: all three would be 1 day
        Memory young = new Memory(CardState.REVIEW, 0, 0.4, 9.5, now, now.minus(Duration.ofDays(1)), 3, 1);
        Map<Rating, Memory> tight = fsrs.preview(young, now, 0.5);
        long h = Fsrs.wholeDays(now, tight.get(Rating.HARD).due());
        long g = Fsrs.wholeDays(now, tight.get(Rating.GOOD).due());
        long e = Fsrs.wholeDays(now, tight.get(Rating.EASY).due());
        assertTrue(h >= 1 && h < g && g < e, h + " < " + g + " < " + e);
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.parseWeights("1,2,3"));
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.parseWeights("0.2,x" + ",1".repeat(19)));
        assertEquals(21, FsrsParameters.parseWeights(String.join(",", java.util.Collections.nCopies(21, "0.5"))).length);
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), FsrsParameters.parseSteps("1m, 10m"));
        assertEquals(List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofSeconds(30)), FsrsParameters.parseSteps("1h,1d,30s"));
        assertEquals(List.of(), FsrsParameters.parseSteps(""));
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.parseSteps("10q"));
        assertThrows(IllegalArgumentException.class, () -> FsrsParameters.DEFAULTS.withDesiredRetention(1.2));
    }

    private static List<Long> toList(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}
