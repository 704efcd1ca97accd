package dev.drillbook.bench;

import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillParser;
import dev.drillbook.grading.GradedExample;
import dev.drillbook.grading.GradingService;
import dev.drillbook.grading.InHouseSet;
import dev.drillbook.grading.MohlerFile;
import dev.drillbook.grading.OfflineEstimator;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Time per answer of the offline estimate (target ≤ 50 ms): drill answers from the in-house set, the same answers
 * repeated to 2,000+ words (a long written design), and concept answers from the Mohler set when it is configured.
 * Runs in the test JVM, after a warm-up; results to target/bench/grading.md.
 */
class GradingBenchmark {

    @Test
    void offlineEstimatePerAnswer() throws Exception {
        Map<String, Drill> drills = new HashMap<>();
        for (GradedExample e : InHouseSet.all()) {
            drills.computeIfAbsent(e.drillId(), id -> parse(id));
        }
        List<GradedExample> examples = InHouseSet.all();
        for (int warm = 0; warm < 30; warm++) {
            examples.forEach(e -> OfflineEstimator.drill(drills.get(e.drillId()), e.answer(), GradingService.offlineGrader()));
        }
        double[] drill = time(examples.size() * 20, i -> {
            GradedExample e = examples.get(i % examples.size());
            OfflineEstimator.drill(drills.get(e.drillId()), e.answer(), GradingService.offlineGrader());
        });
        double[] longDrill = time(examples.size() * 5, i -> {
            GradedExample e = examples.get(i % examples.size());
            OfflineEstimator.drill(drills.get(e.drillId()), e.answer().repeat(Math.max(1, 2000 / Math.max(1, e.answer().split("\\s+").length))),
                    GradingService.offlineGrader());
        });
        StringBuilder table = new StringBuilder("| Answers | Count | p50 | p99 | max |\n|---|---|---|---|---|\n");
        row(table, "Drill answers (in-house set, 30–310 words)", drill);
        row(table, "Drill answers repeated to ≥ 2,000 words", longDrill);
        String mohler = System.getenv("DRILLBOOK_CALIBRATION_MOHLER_FILE");
        if (mohler != null && Files.isRegularFile(Path.of(mohler))) {
            List<MohlerFile.Row> rows = MohlerFile.read(Path.of(mohler));
            double[] concept = time(rows.size(), i -> {
                MohlerFile.Row r = rows.get(i);
                OfflineEstimator.concept(r.question(), r.reference(), r.answer());
            });
            row(table, "Concept answers (Mohler set)", concept);
        }
        assertFalse(table.isEmpty());
        Bench.write("grading", table.toString());
    }

    private static Drill parse(String id) {
        try {
            return DrillParser.parse("questions/" + id + ".md", Files.readString(Path.of("questions", id + ".md"))).drill().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Call {
        void run(int i);
    }

    private static double[] time(int n, Call call) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call.run(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void row(StringBuilder table, String name, double[] sorted) {
        table.append(String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms |%n", name, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]));
    }
}
