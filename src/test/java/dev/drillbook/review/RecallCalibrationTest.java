package dev.drillbook.review;

import dev.drillbook.review.optimizer.FsrsOptimizer;
import dev.drillbook.review.optimizer.JoshLog;
import dev.drillbook.review.optimizer.ReviewHistory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calibration bins by hand, and on py-fsrs's public log before and after optimising (skipped without the file). */
class RecallCalibrationTest {

    @Test
    void answersFallIntoTheirBinWithMeanPredictionAndShareRecalled() {
        RecallCalibration tally = new RecallCalibration();
        tally.add(0.3, false);
        tally.add(0.5, true);
        tally.add(0.54, false);
        tally.add(0.97, true);
        tally.add(1.0, true);
        List<StudyStats.CalibrationBin> bins = tally.bins();
        assertEquals(11, bins.size());
        assertEquals(new StudyStats.CalibrationBin(0, 0.5, 1, 0.3, 0.0), bins.get(0));
        assertEquals(0.5, bins.get(1).from());
        assertEquals(2, bins.get(1).reviews(), "0.5 opens the second bin");
        assertEquals(0.52, bins.get(1).predicted(), 1e-12);
        assertEquals(0.5, bins.get(1).actual(), 1e-12);
        StudyStats.CalibrationBin top = bins.get(10);
        assertEquals(0.95, top.from());
        assertEquals(1.0, top.to(), "R = 1 is in the top bin, shown as ending at 100 %");
        assertEquals(2, top.reviews());
        assertEquals(0.985, top.predicted(), 1e-12);
        assertEquals(1.0, top.actual(), 1e-12);
        assertEquals(0, bins.get(5).reviews());
        assertNull(bins.get(5).predicted());
        assertNull(bins.get(5).actual());
    }

    @Test
    void optimisedWeightsFitTheJoshLogBetterInEveryWayTheChartShows() {
        ReviewHistory history = JoshLog.historyOrSkip();
        double[] optimised = new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, 1).optimize(history, p -> { }).weights();
        // recalls counted straight from the log: cross-day answers rated above Again
        long crossDay = 0;
        long recalled = 0;
        for (ReviewHistory.Card card : history.cards()) {
            for (int i = 1; i < card.size(); i++) {
                if (card.elapsedDays()[i] > 0) {
                    crossDay++;
                    recalled += card.ratings()[i] > 1 ? 1 : 0;
                }
            }
        }
        assertEquals(5_329, crossDay);
        double before = calibrationError(history, FsrsParameters.DEFAULT_WEIGHTS, crossDay, recalled);
        double after = calibrationError(history, optimised, crossDay, recalled);
        System.out.printf("josh log calibration error (mean |predicted - actual| over bins, by reviews): %.4f -> %.4f%n", before, after);
        assertTrue(after < before, "calibration error " + before + " -> " + after);
    }

    /** Tallies the log as the stats page does and returns the review-weighted mean gap between predicted and actual. */
    private static double calibrationError(ReviewHistory history, double[] weights, long crossDay, long recalled) {
        Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS.withWeights(weights));
        RecallCalibration tally = new RecallCalibration();
        for (ReviewHistory.Card card : history.cards()) {
            MemoryState state = null;
            for (int i = 0; i < card.size(); i++) {
                int days = card.elapsedDays()[i];
                Rating rating = Rating.values()[card.ratings()[i] - 1];
                if (state != null && days > 0) {
                    tally.add(fsrs.retrievability(days, state.stability()), rating.success());
                }
                state = fsrs.nextMemory(state, Math.max(0, days), rating);
            }
        }
        long n = 0;
        double recalledInBins = 0;
        double gap = 0;
        for (StudyStats.CalibrationBin b : tally.bins()) {
            n += b.reviews();
            if (b.reviews() > 0) {
                recalledInBins += b.actual() * b.reviews();
                gap += Math.abs(b.predicted() - b.actual()) * b.reviews();
            }
        }
        assertEquals(crossDay, n, "every cross-day answer is in one bin");
        assertEquals(recalled, recalledInBins, 1e-6, "the bins' shares add up to the recalls in the log");
        return gap / n;
    }
}
