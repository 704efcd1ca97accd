package dev.drillbook.review.optimizer;

import dev.drillbook.review.Fsrs;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.MemoryState;
import dev.drillbook.review.Rating;

import java.util.HashMap;
import java.util.Map;

/**
 * How well a set of weights predicts a review history, as fsrs-rs's and Anki's "Evaluate" reports it.
 *
 * <p>Every answer advances the card's memory state (same-day answers included); the prediction R(t, S) is scored
 * on every answer at least one day after the card's previous one, against recall (rating &gt; 1):
 * <ul>
 *   <li>{@code logLoss}: mean binary cross-entropy (py-fsrs's and fsrs-rs's training loss);</li>
 *   <li>{@code rmseBins}: fsrs-rs's RMSE(bins) — answers grouped by elapsed days, number of cross-day answers and
 *       number of cross-day lapses (each on a logarithmic scale, fsrs-rs's {@code r_matrix_index}), the squared gap
 *       between mean prediction and mean recall per group weighted by its size. fsrs-rs also weights recent answers
 *       more; here every answer weighs the same.</li>
 * </ul>
 *
 * @param reviews answers scored
 */
public record Evaluation(double logLoss, double rmseBins, int reviews) {

    /** Predictions are kept inside (ε, 1 − ε) so a certain wrong prediction costs a large but finite loss. */
    static final double EPSILON = 1e-7;

    /** Scores {@code weights} on {@code history}; {@code reviews} is 0 (and both figures NaN) when nothing can be scored. */
    public static Evaluation of(ReviewHistory history, double[] weights) {
        Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS.withWeights(weights));
        double loss = 0;
        int n = 0;
        Map<Long, double[]> bins = new HashMap<>();
        for (ReviewHistory.Card card : history.cards()) {
            MemoryState state = null;
            int longTerm = 0;
            int lapses = 0;
            for (int i = 0; i < card.size(); i++) {
                int days = card.elapsedDays()[i];
                Rating g = Rating.values()[card.ratings()[i] - 1];
                if (state != null && days > 0) {
                    double r = clampProbability(fsrs.retrievability(days, state.stability()));
                    boolean recalled = g.success();
                    loss -= recalled ? Math.log(r) : Math.log(1 - r);
                    n++;
                    longTerm++;
                    double[] bin = bins.computeIfAbsent(binKey(days, longTerm + 1, lapses), k -> new double[3]);
                    bin[0] += r;
                    bin[1] += recalled ? 1 : 0;
                    bin[2]++;
                    if (!recalled) {
                        lapses++;
                    }
                }
                state = fsrs.nextMemory(state, Math.max(0, days), g);
            }
        }
        if (n == 0) {
            return new Evaluation(Double.NaN, Double.NaN, 0);
        }
        double squared = 0;
        for (double[] bin : bins.values()) {
            double gap = bin[0] / bin[2] - bin[1] / bin[2];
            squared += gap * gap * bin[2];
        }
        return new Evaluation(loss / n, Math.sqrt(squared / n), n);
    }

    static double clampProbability(double r) {
        return Math.min(Math.max(r, EPSILON), 1 - EPSILON);
    }

    /** fsrs-rs's {@code r_matrix_index}: elapsed days, review count and lapse count, each rounded down on a log scale. */
    static long binKey(int days, int length, int lapses) {
        long dayBin = Math.round(2.48 * Math.pow(3.62, Math.floor(Math.log(days) / Math.log(3.62))) * 100);
        long lengthBin = Math.round(1.99 * Math.pow(1.89, Math.floor(Math.log(length) / Math.log(1.89))));
        long lapseBin = lapses == 0 ? 0 : Math.round(1.65 * Math.pow(1.73, Math.floor(Math.log(lapses) / Math.log(1.73))));
        return (dayBin * 1_000 + lengthBin) * 1_000 + lapseBin;
    }
}
