package dev.drillbook.review.optimizer;

import dev.drillbook.review.Fsrs;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.MemoryState;
import dev.drillbook.review.Rating;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimiser against py-fsrs's published figures on its own test log, and its parts against plain arithmetic. */
class FsrsOptimizerTest {

    /** py-fsrs {@code tests/test_optimizer.py}'s optimised weights for the same log. */
    static final double[] PY_FSRS_OPTIMISED = {0.12340357383516173, 1.2931, 2.397673571899466, 8.2956, 6.686820427099132,
        0.45021679958387956, 3.077875127553957, 0.053520395733247045, 1.6539992229052127, 0.1466206769107436,
        0.6300772488850335, 1.611965002575047, 0.012840136810798864, 0.34853762746216305, 1.8878958285806287,
        0.8546376191171063, 1.8729, 0.6748536823468675, 0.20451266082721842, 0.22622814695113844, 0.46030603398979064};

    @Test
    void defaultWeightsGiveThePublishedLoss() {
        ReviewHistory history = JoshLog.historyOrSkip();
        assertEquals(12_580, history.answers());
        Evaluation fit = Evaluation.of(history, FsrsParameters.DEFAULT_WEIGHTS);
        assertEquals(5_329, fit.reviews());
        assertEquals(0.4586623533591177, fit.logLoss(), 1e-6);
    }

    @Test
    void pyFsrsOptimisedWeightsGiveItsPublishedLoss() {
        Evaluation fit = Evaluation.of(JoshLog.historyOrSkip(), PY_FSRS_OPTIMISED);
        assertEquals(0.4386754589782802, fit.logLoss(), 1e-6);
    }

    @Test
    void optimisingReachesPyFsrsOptimum() {
        ReviewHistory history = JoshLog.historyOrSkip();
        List<Double> progress = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        FsrsOptimizer.Result result = new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, 1).optimize(history, progress::add);
        Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - startCpu);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(result.optimised());
        System.out.printf("josh log: log loss %.6f -> %.6f, RMSE(bins) %.4f -> %.4f, epochs %s, %d ms CPU, %d ms wall%n",
                result.before().logLoss(), result.after().logLoss(), result.before().rmseBins(), result.after().rmseBins(),
                result.epochLosses(), cpu.toMillis(), wall.toMillis());
        // issue 25's bound (30 s on 2 cores) as the optimising thread's CPU time, so a busy shared machine cannot fail
        // it; the first run in this JVM, JIT warm-up included (the optimiser is single-threaded)
        assertTrue(cpu.compareTo(Duration.ofSeconds(30)) < 0, "optimising the josh log took " + cpu + " of CPU");
        assertEquals(0.4586623533591177, result.before().logLoss(), 1e-6);
        assertTrue(result.after().logLoss() <= 0.4387, "optimised loss " + result.after().logLoss());
        assertTrue(result.after().rmseBins() < result.before().rmseBins(),
                "RMSE(bins) " + result.before().rmseBins() + " → " + result.after().rmseBins());
        double[] w = result.weights();
        for (int i = 0; i < w.length; i++) {
            assertTrue(w[i] >= ParameterBounds.lower(i) && w[i] <= ParameterBounds.upper(i), "w" + i + " = " + w[i] + " within bounds");
        }
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-9);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
        }
        // deterministic: the same history and seed give the same weights
        assertArrayEquals(w, new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, 1).optimize(history, p -> { }).weights());
    }

    @Test
    void dualModelFollowsTheSchedulerOnEveryAnswer() {
        ReviewHistory history = JoshLog.historyOrSkip();
        for (double[] weights : List.of(FsrsParameters.DEFAULT_WEIGHTS, PY_FSRS_OPTIMISED)) {
            Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS.withWeights(weights));
            DualModel model = new DualModel(weights);
            for (ReviewHistory.Card card : history.cards()) {
                MemoryState plain = null;
                DualModel.State dual = null;
                for (int i = 0; i < card.size(); i++) {
                    int days = Math.max(0, card.elapsedDays()[i]);
                    int grade = card.ratings()[i];
                    if (plain != null && days > 0) {
                        assertEquals(fsrs.retrievability(days, plain.stability()), model.retrievability(days, dual.stability()).v, 1e-9);
                    }
                    plain = fsrs.nextMemory(plain, days, Rating.values()[grade - 1]);
                    dual = model.next(dual, days, grade);
                    assertEquals(plain.stability(), dual.stability().v, 1e-9 * Math.max(1, plain.stability()), card.id());
                    assertEquals(plain.difficulty(), dual.difficulty().v, 1e-9, card.id());
                }
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        // one card, every rule: first answer, same-day Again and Good, a lapse, Hard, Good and Easy after days
        int[] grades = {3, 1, 3, 3, 1, 2, 3, 4};
        int[] days = {-1, 0, 0, 3, 9, 2, 6, 15};
        double[] w = PY_FSRS_OPTIMISED;
        DualModel model = new DualModel(w);
        Dual total = Dual.constant(0);
        DualModel.State state = null;
        for (int i = 0; i < grades.length; i++) {
            if (state != null && days[i] > 0) {
                total = total.plus(DualModel.loss(model.retrievability(days[i], state.stability()), grades[i] > 1));
            }
            state = model.next(state, Math.max(0, days[i]), grades[i]);
        }
        for (int k = 0; k < Dual.N; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[k]));
            double[] up = w.clone();
            double[] down = w.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (plainLoss(up, grades, days) - plainLoss(down, grades, days)) / (2 * h);
            assertEquals(numeric, total.derivative(k), 1e-5 * Math.max(1, Math.abs(numeric)), "∂loss/∂w" + k);
        }
    }

    private static double plainLoss(double[] w, int[] grades, int[] days) {
        Instant t = Instant.parse("2024-01-01T10:00:00Z");
        List<ReviewHistory.Answer> answers = new ArrayList<>();
        for (int i = 0; i < grades.length; i++) {
            t = t.plus(Duration.ofDays(Math.max(0, days[i]))).plusSeconds(60);
            answers.add(new ReviewHistory.Answer("c", t, grades[i]));
        }
        Evaluation e = Evaluation.of(ReviewHistory.of(answers), w);
        return e.logLoss() * e.reviews();
    }

    @Test
    void tooShortAHistoryKeepsTheDefaults() {
        List<ReviewHistory.Answer> answers = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T10:00:00Z");
        for (int card = 0; card < 20; card++) {
            for (int i = 0; i < 5; i++) {
                answers.add(new ReviewHistory.Answer("c" + card, t.plus(Duration.ofDays(i * 3L)), i == 2 ? 1 : 3));
            }
        }
        ReviewHistory history = ReviewHistory.of(answers);
        assertEquals(80, history.crossDayReviews());
        FsrsOptimizer.Result result = new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, 1).optimize(history, p -> { });
        assertFalse(result.optimised());
        assertArrayEquals(FsrsParameters.DEFAULT_WEIGHTS, result.weights());
    }

    @Test
    void boundsFollowFsrsRs() {
        // fsrs-rs parameter_clipper tests: out-of-range values are pulled to the bounds
        double[] wild = FsrsParameters.DEFAULT_WEIGHTS.clone();
        wild[0] = 0;
        wild[1] = -1000;
        wild[2] = 1000;
        wild[4] = 1000;
        wild[5] = -1000;
        wild[8] = -0.1;
        double[] clamped = ParameterBounds.clamp(wild, 1);
        assertArrayEquals(new double[] {0.001, 0.001, 100, 10, 0.001, 0}, new double[] {clamped[0], clamped[1], clamped[2], clamped[4],
            clamped[5], clamped[8]});
        // with two relearning steps the defaults' w17–w19 stay as they are (fsrs-rs test_parameter_clipper_works_with_num_relearning_steps)
        double[] two = ParameterBounds.clamp(FsrsParameters.DEFAULT_WEIGHTS, 2);
        assertArrayEquals(new double[] {0.5425, 0.0912, 0.0658}, new double[] {two[17], two[18], two[19]}, 1e-9);
    }
}
