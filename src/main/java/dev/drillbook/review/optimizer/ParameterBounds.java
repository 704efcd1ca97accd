package dev.drillbook.review.optimizer;

/**
 * The range each FSRS-6 weight is kept in while optimising: fsrs-rs's {@code clip_parameters} (the bounds py-fsrs
 * validates against too), with short-term parameters enabled. With more than one relearning step, w17·w18 is capped
 * further so that relearning can never raise stability above what it was before the lapse.
 */
public final class ParameterBounds {

    private static final double S_MIN = 0.001;
    private static final double INITIAL_S_MAX = 100;

    private static final double[][] FIXED = {
        {S_MIN, INITIAL_S_MAX}, {S_MIN, INITIAL_S_MAX}, {S_MIN, INITIAL_S_MAX}, {S_MIN, INITIAL_S_MAX},
        {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75}, {0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5},
        {0.001, 0.25}, {0.001, 0.9}, {0, 4}, {0, 1}, {1, 6}, {0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8}};

    private ParameterBounds() {
    }

    /** A clamped copy of {@code w}. */
    public static double[] clamp(double[] w, int relearningSteps) {
        double[] out = w.clone();
        clampInPlace(out, relearningSteps);
        return out;
    }

    static void clampInPlace(double[] w, int relearningSteps) {
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.min(Math.max(w[i], FIXED[i][0]), FIXED[i][1]);
        }
        double ceiling = w17w18Ceiling(w, relearningSteps);
        w[17] = Math.min(w[17], ceiling);
        w[18] = Math.min(w[18], ceiling);
    }

    /**
     * With n &gt; 1 relearning steps the post-lapse stability is multiplied by e^(w17·w18) up to n times; fsrs-rs
     * bounds w17 and w18 by √(−(ln w11 + ln(2^w13 − 1) + 0.3·w14) / n) (at least 0.1, at most 2) so that a card with
     * D = 1, R = 0.7 and S = 1 never leaves relearning stronger than it was.
     */
    static double w17w18Ceiling(double[] w, int relearningSteps) {
        if (relearningSteps <= 1) {
            return 2;
        }
        double bound = -(Math.log(w[11]) + Math.log(Math.pow(2, w[13]) - 1) + w[14] * 0.3) / relearningSteps;
        return Math.min(Math.sqrt(Math.max(bound, 0.01)), 2);
    }

    public static double lower(int i) {
        return FIXED[i][0];
    }

    public static double upper(int i) {
        return FIXED[i][1];
    }
}
