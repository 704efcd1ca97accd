package dev.drillbook.review;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anki's load balancer: weights as in rslib's load_balancer.rs, siblings and easy days, deterministic picks. */
class LoadBalancerTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 1);
    private final Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS);

    private static int[] counts(int... firstDays) {
        int[] c = new int[LoadBalancer.DAYS];
        System.arraycopy(firstDays, 0, c, 0, firstDays.length);
        return c;
    }

    @Test
    void weightsFollowAnkisFormula() {
        int[] c = counts(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 5, 1, 3);
        double[] w = new LoadBalancer(TODAY, c, EasyDays.NONE).weights(8, 12, List.of());
        // (1/due)^2.15 · (1/day)^3, and 1 for an empty day
        assertArrayEquals(new double[] {0.2253 / 512, 1, Math.pow(0.2, 2.15) / 1000, 1.0 / 1331, Math.pow(1 / 3.0, 2.15) / 1728}, w, 1e-6);
        assertEquals(Math.pow(0.5, 2.15) / 512, w[0], 1e-12);
    }

    @Test
    void anEmptyDayInTheRangeTakesTheCard() {
        LoadBalancer balancer = new LoadBalancer(TODAY, counts(0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 5, 5, 5), EasyDays.NONE);
        assertArrayEquals(new int[] {8, 12}, fsrs.fuzzRange(10));
        for (double draw = 0.005; draw < 1; draw += 0.01) {
            assertEquals(9, fsrs.fuzz(10, balancer.chooser(List::of, draw)), "draw " + draw);
        }
    }

    @Test
    void siblingsAreKeptApart() {
        LoadBalancer balancer = new LoadBalancer(TODAY, counts(), EasyDays.NONE);
        double[] w = balancer.weights(8, 12, List.of(10));
        assertArrayEquals(new double[] {0.4, 0.2, 0.000001, 0.2, 0.4}, w, 1e-12);
        for (double draw = 0.005; draw < 1; draw += 0.01) {
            assertTrue(fsrs.fuzz(10, balancer.chooser(() -> List.of(10), draw)) != 10);
        }
    }

    @Test
    void minimumEasyDaysAreAvoidedAndReducedOnesFillToHalf() {
        EasyDays weekend = EasyDays.parse("normal,normal,normal,normal,normal,reduced,minimum");
        assertEquals(EasyDays.Level.MINIMUM, weekend.on(DayOfWeek.SUNDAY));
        // days 8–12 after Monday 1 Jan: Tue 9 … Sat 13; day 12 is Saturday (reduced), day 13 Sunday (minimum)
        LoadBalancer balancer = new LoadBalancer(TODAY, counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4), weekend);
        double[] w = balancer.weights(11, 15, List.of());
        // Sunday the 14th (day 13) is a minimum day
        assertEquals(0.0001 * Math.pow(0.25, 2.15) / Math.pow(13, 3), w[2], 1e-15);
        // Saturday (day 12) holds 4 of 20: 4/0.5 = 8 > 16/4 = 4, so it counts as a minimum day too
        assertEquals(0.0001 * Math.pow(0.25, 2.15) / Math.pow(12, 3), w[1], 1e-15);
        // with 1 card it is under half-full and weighs as a normal day
        LoadBalancer light = new LoadBalancer(TODAY, counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 4, 4, 4, 4), weekend);
        assertEquals(1.0 / Math.pow(12, 3), light.weights(11, 15, List.of())[1], 1e-15);
    }

    @Test
    void longIntervalsKeepThePlainFuzz() {
        LoadBalancer balancer = new LoadBalancer(TODAY, counts(), EasyDays.NONE);
        for (double draw = 0; draw < 0.999; draw += 0.05) {
            assertEquals(fsrs.fuzz(120, draw), fsrs.fuzz(120, balancer.chooser(List::of, draw)));
        }
    }

    /**
     * 60 days of 40 cards a day each getting a 5–30 day interval: the load balancer gives a flatter workload than
     * uniform fuzz (a standard deviation of the daily load 0.4–0.6 times as large over five seeds), and the same seed
     * gives the same days.
     */
    @Test
    void workloadIsFlatterThanWithUniformFuzz() {
        for (long seed = 1; seed <= 5; seed++) {
            double balanced = spread(true, seed);
            double uniform = spread(false, seed);
            System.out.printf(java.util.Locale.ROOT, "seed %d: std dev of the daily load %.2f balanced, %.2f uniform fuzz%n", seed, balanced, uniform);
            assertTrue(balanced < uniform * 0.7, "std dev of daily load " + balanced + " vs " + uniform);
        }
        double balanced = spread(true, 7);
        assertEquals(balanced, spread(true, 7));
    }

    private double spread(boolean balance, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] load = new int[200];
        for (int day = 0; day < 60; day++) {
            int[] window = new int[LoadBalancer.DAYS];
            System.arraycopy(load, day, window, 0, LoadBalancer.DAYS);
            for (int card = 0; card < 40; card++) {
                int interval = 5 + random.nextInt(26);
                double draw = random.nextDouble();
                LoadBalancer lb = new LoadBalancer(TODAY.plusDays(day), window, EasyDays.NONE);
                int picked = fsrs.fuzz(interval, balance ? lb.chooser(List::of, draw) : Fsrs.uniform(draw));
                window[picked]++;
                load[day + picked]++;
            }
        }
        double mean = 0;
        for (int d = 40; d < 60; d++) {
            mean += load[d] / 20.0;
        }
        double var = 0;
        for (int d = 40; d < 60; d++) {
            var += (load[d] - mean) * (load[d] - mean) / 20;
        }
        return Math.sqrt(var);
    }
}
