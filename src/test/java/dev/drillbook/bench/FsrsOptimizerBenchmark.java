package dev.drillbook.bench;

import dev.drillbook.review.optimizer.FsrsOptimizer;
import dev.drillbook.review.optimizer.JoshLog;
import dev.drillbook.review.optimizer.ReviewHistory;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time to optimise FSRS-6 weights on py-fsrs's public log (12,580 answers of 1,205 cards; target under 30 s on
 * 2 cores): the first run in a fresh JVM (what a user's first "Optimise" costs, JIT warm-up included) and the best
 * of five after it. Results to target/bench/fsrs-optimizer.md.
 */
class FsrsOptimizerBenchmark {

    @Test
    void optimiseTheJoshLog() throws Exception {
        long t0 = System.nanoTime();
        ReviewHistory history = JoshLog.historyOrSkip();
        long t1 = System.nanoTime();
        FsrsOptimizer optimizer = new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, 1);
        FsrsOptimizer.Result first = optimizer.optimize(history, p -> { });
        long t2 = System.nanoTime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            optimizer.optimize(history, p -> { });
            best = Math.min(best, System.nanoTime() - s);
        }
        assertTrue(first.after().logLoss() <= 0.4387);
        String table = "| Step | Time |\n|---|---|\n"
                + String.format(Locale.ROOT, "| Read and group the CSV (12,580 answers) | %.0f ms |%n", (t1 - t0) / 1e6)
                + String.format(Locale.ROOT, "| Optimise, first run in a fresh JVM (5 epochs) | %.0f ms |%n", (t2 - t1) / 1e6)
                + String.format(Locale.ROOT, "| Optimise, best of 5 after that | %.0f ms |%n", best / 1e6)
                + String.format(Locale.ROOT, "| Log loss before → after | %.5f → %.5f |%n", first.before().logLoss(), first.after().logLoss())
                + String.format(Locale.ROOT, "| RMSE(bins) before → after | %.4f → %.4f |%n", first.before().rmseBins(), first.after().rmseBins());
        Bench.write("fsrs-optimizer", table);
    }
}
