package dev.drillbook.review;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Anki's load balancer (rslib {@code scheduler/states/load_balancer.rs}): instead of a uniform pick from a review
 * interval's fuzz range, a weighted one, so reviews spread evenly over the coming days. Each day of the range weighs
 * <pre>
 *   1                               if no review is due that day,
 *   (1/due)^2.15 · (1/interval)^3   otherwise (the interval term keeps it from drifting to later days),
 * </pre>
 * times a sibling factor (a day with another card of the same block weighs almost nothing, the days around it
 * 0.2, 0.4, … 1.0 at five days away) and an easy-days factor (a {@code minimum} weekday almost nothing; a
 * {@code reduced} one almost nothing once it holds more than half of what the other days of the range average).
 * Unlike Anki, the sibling and easy-day factors apply to empty days too, so an empty easy day stays light.
 * Intervals over {@value #MAX_INTERVAL} days are not balanced (plain fuzz). The pick is deterministic: a draw in
 * [0, 1) chooses along the cumulative weights.
 *
 * <p>Pure: the due counts and the start day are arguments.
 */
public final class LoadBalancer {

    /** Longer intervals are fuzzed as usual: the need to balance so far ahead is low (Anki's limit). */
    public static final int MAX_INTERVAL = 90;
    /** Days of due counts kept: the balanced range can reach past {@link #MAX_INTERVAL} by its fuzz. */
    public static final int DAYS = 99;

    private static final double[] SIBLING_NEAR = {0.000001, 0.2, 0.4, 0.6, 0.8};

    private final LocalDate today;
    private final int[] dueCounts;
    private final EasyDays easyDays;

    /**
     * @param today the study day answers are given on
     * @param dueCounts review cards due {@code i} days after {@code today}, for {@code i} &lt; {@value #DAYS}
     */
    public LoadBalancer(LocalDate today, int[] dueCounts, EasyDays easyDays) {
        if (dueCounts.length != DAYS) {
            throw new IllegalArgumentException("due counts for " + DAYS + " days needed, got " + dueCounts.length);
        }
        this.today = today;
        this.dueCounts = dueCounts.clone();
        this.easyDays = easyDays;
    }

    /**
     * A chooser for {@link Fsrs#review(Memory, Rating, java.time.Instant, Fsrs.IntervalChooser)}: balanced picks for
     * intervals up to {@value #MAX_INTERVAL} days, {@link Fsrs#uniform} beyond.
     *
     * @param siblingDays days (after today) on which other cards of the same block are due; asked only when balancing
     * @param draw a number in [0, 1), the card's fuzz draw
     */
    public Fsrs.IntervalChooser chooser(java.util.function.Supplier<Collection<Integer>> siblingDays, double draw) {
        return (interval, min, max) -> interval > MAX_INTERVAL || min > MAX_INTERVAL
                ? Fsrs.uniform(draw).choose(interval, min, max)
                : pick(weights(min, max, siblingDays.get()), min, draw);
    }

    /** Weights of the days {@code min}…{@code max} after today. */
    double[] weights(int min, int max, Collection<Integer> siblingDays) {
        int n = max - min + 1;
        double[] easy = easyDayFactors(min, max);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int day = min + i;
            int due = due(day);
            double base = due == 0 ? 1 : Math.pow(1.0 / due, 2.15) * Math.pow(1.0 / day, 3);
            w[i] = base * siblingFactor(day, siblingDays) * easy[i];
        }
        return w;
    }

    private int due(int day) {
        return day >= 0 && day < DAYS ? dueCounts[day] : 0;
    }

    private static double siblingFactor(int day, Collection<Integer> siblingDays) {
        double f = 1;
        for (int sibling : siblingDays) {
            int distance = Math.abs(day - sibling);
            if (distance < SIBLING_NEAR.length) {
                f *= SIBLING_NEAR[distance];
            }
        }
        return f;
    }

    /** Anki's {@code calculate_easy_days_modifiers}: a reduced day counts as normal until it is over half-full. */
    private double[] easyDayFactors(int min, int max) {
        int n = max - min + 1;
        double[] out = new double[n];
        EasyDays.Level[] levels = new EasyDays.Level[n];
        long total = 0;
        double shares = 0;
        for (int i = 0; i < n; i++) {
            levels[i] = easyDays.on(today.plusDays(min + i).getDayOfWeek());
            total += due(min + i);
            shares += levels[i].load;
        }
        for (int i = 0; i < n; i++) {
            EasyDays.Level level = levels[i];
            if (level == EasyDays.Level.REDUCED) {
                double otherShares = shares - EasyDays.Level.REDUCED.load;
                double threshold = (total - due(min + i)) / otherShares;
                level = due(min + i) / EasyDays.Level.REDUCED.load > threshold ? EasyDays.Level.MINIMUM : EasyDays.Level.NORMAL;
            }
            out[i] = level.load;
        }
        return out;
    }

    private static int pick(double[] weights, int min, double draw) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = draw * total;
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (target < cumulative) {
                return min + i;
            }
        }
        return min + weights.length - 1;
    }
}
