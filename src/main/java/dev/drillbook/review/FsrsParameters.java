package dev.drillbook.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * FSRS-6 settings. Defaults are the published FSRS-6 defaults (py-fsrs, fsrs-rs and ts-fsrs agree on them).
 *
 * @param w the 21 model weights w0…w20
 * @param desiredRetention target probability of recall when a card comes back (0.7–0.99 is sensible)
 * @param learningSteps waits between answers of a new card before it graduates
 * @param relearningSteps waits after a lapse before the card returns to day intervals
 * @param maximumInterval longest interval in days
 * @param fuzz spread review intervals a little so cards learned together do not stay together
 */
public record FsrsParameters(double[] w, double desiredRetention, List<Duration> learningSteps,
        List<Duration> relearningSteps, int maximumInterval, boolean fuzz) {

    public static final double[] DEFAULT_WEIGHTS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

    public static final FsrsParameters DEFAULTS = new FsrsParameters(DEFAULT_WEIGHTS, 0.9,
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)), List.of(Duration.ofMinutes(10)), 36500, true);

    public FsrsParameters {
        if (w == null || w.length != 21) {
            throw new IllegalArgumentException("FSRS-6 needs exactly 21 parameters, got " + (w == null ? 0 : w.length));
        }
        for (int i = 0; i < w.length; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalArgumentException("FSRS parameter w" + i + " is not a number");
            }
        }
        for (int i = 0; i < 4; i++) {
            if (w[i] <= 0) {
                throw new IllegalArgumentException("FSRS parameters w0–w3 (initial stabilities) must be positive; w" + i + " = " + w[i]);
            }
        }
        if (w[20] <= 0) {
            throw new IllegalArgumentException("FSRS parameter w20 (decay) must be positive; got " + w[20]);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must be between 0 and 1 (exclusive), got " + desiredRetention);
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day, got " + maximumInterval);
        }
        w = w.clone();
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        for (Duration step : concat(learningSteps, relearningSteps)) {
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("learning steps must be positive durations, got " + step);
            }
        }
    }

    public FsrsParameters withFuzz(boolean on) {
        return new FsrsParameters(w, desiredRetention, learningSteps, relearningSteps, maximumInterval, on);
    }

    public FsrsParameters withWeights(double[] weights) {
        return new FsrsParameters(weights, desiredRetention, learningSteps, relearningSteps, maximumInterval, fuzz);
    }

    public FsrsParameters withMaximumInterval(int days) {
        return new FsrsParameters(w, desiredRetention, learningSteps, relearningSteps, days, fuzz);
    }

    public FsrsParameters withDesiredRetention(double retention) {
        return new FsrsParameters(w, retention, learningSteps, relearningSteps, maximumInterval, fuzz);
    }

    /** "0.212, 1.2931, …" → 21 weights, with a message naming the bad item. */
    public static double[] parseWeights(String text) {
        String[] parts = text.split(",");
        double[] weights = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                weights[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("FSRS parameter " + (i + 1) + " (\"" + parts[i].strip() + "\") is not a number");
            }
        }
        if (weights.length != 21) {
            throw new IllegalArgumentException("FSRS-6 needs exactly 21 comma-separated parameters, got " + weights.length);
        }
        return weights;
    }

    /** "1m,10m" (units s, m, h, d; blank = no steps) → durations. */
    public static List<Duration> parseSteps(String text) {
        List<Duration> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String part : text.split("[,\\s]+")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            char unit = p.charAt(p.length() - 1);
            double amount;
            try {
                amount = Double.parseDouble(Character.isDigit(unit) ? p : p.substring(0, p.length() - 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning step \"" + part + "\" is not like 1m, 10m, 1h or 1d");
            }
            long seconds = Math.round(amount * switch (unit) {
                case 's' -> 1;
                case 'h' -> 3600;
                case 'd' -> 86400;
                case 'm' -> 60;
                default -> {
                    if (Character.isDigit(unit)) {
                        yield 60; // a bare number means minutes, as in Anki
                    }
                    throw new IllegalArgumentException("learning step \"" + part + "\" has an unknown unit; use s, m, h or d");
                }
            });
            steps.add(Duration.ofSeconds(seconds));
        }
        return steps;
    }

    private static List<Duration> concat(List<Duration> a, List<Duration> b) {
        List<Duration> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsrsParameters p && Arrays.equals(w, p.w) && desiredRetention == p.desiredRetention
                && learningSteps.equals(p.learningSteps) && relearningSteps.equals(p.relearningSteps)
                && maximumInterval == p.maximumInterval && fuzz == p.fuzz;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w) * 31 + learningSteps.hashCode();
    }

    @Override
    public String toString() {
        return "FsrsParameters" + Arrays.toString(w) + " r=" + desiredRetention;
    }
}
