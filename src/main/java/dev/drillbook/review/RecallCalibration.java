package dev.drillbook.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicted against actual recall, by predicted retrievability: the chart that tells a user whether the scheduler's
 * weights fit them. Answers are added one by one (R when the card was answered, and whether it was recalled); a bin
 * whose mean prediction is above its share recalled means the weights are too optimistic there. Pure; one instance
 * per tally.
 */
public final class RecallCalibration {

    /** Lower edges of the bins: below 50 %, then 5-point steps; the last edge lets R = 1 into the top bin. */
    static final double[] EDGES = {0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0000001};

    private final long[] reviews = new long[EDGES.length - 1];
    private final double[] predicted = new double[EDGES.length - 1];
    private final long[] recalled = new long[EDGES.length - 1];

    /** Counts one answer predicted at {@code retrievability} (0–1). */
    public void add(double retrievability, boolean wasRecalled) {
        int bin = EDGES.length - 2;
        while (bin > 0 && retrievability < EDGES[bin]) {
            bin--;
        }
        reviews[bin]++;
        predicted[bin] += retrievability;
        recalled[bin] += wasRecalled ? 1 : 0;
    }

    /** Every bin, lowest first, empty ones included (with null means). */
    public List<StudyStats.CalibrationBin> bins() {
        List<StudyStats.CalibrationBin> out = new ArrayList<>();
        for (int i = 0; i < reviews.length; i++) {
            long n = reviews[i];
            out.add(new StudyStats.CalibrationBin(EDGES[i], Math.min(1, EDGES[i + 1]), n, n == 0 ? null : predicted[i] / n,
                    n == 0 ? null : (double) recalled[i] / n));
        }
        return out;
    }
}
