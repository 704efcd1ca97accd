package dev.drillbook.grading;

import jakarta.annotation.PreDestroy;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import dev.drillbook.config.DrillbookConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the configured grader over human-graded answers and keeps the latest report: the in-house drill answers always,
 * the Mohler short-answer set when its file is configured. One run at a time, on a thread of its own, with progress.
 */
@ApplicationScoped
public class CalibrationService {

    private static final Logger LOG = Logger.getLogger(CalibrationService.class);

    @Inject
    DrillbookConfig config;

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    /** Drills the gaming probes run on. */
    static final int PROBED_DRILLS = 6;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile CalibrationReport latest;
    private volatile CompletableFuture<CalibrationReport> current;

    /** Progress of the current run. */
    public record Status(boolean running, int done, int total, CalibrationReport report) {
    }

    public Status status() {
        return new Status(running.get(), done.get(), total.get(), latest);
    }

    public boolean mohlerConfigured() {
        return config.calibration().mohlerFile().isPresent();
    }

    /** Runs calibrations off the request thread, one at a time, with no request context carried over. */
    private final ManagedExecutor executor = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Starts a run unless one is going; returns false if one is. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        CompletableFuture<CalibrationReport> run = new CompletableFuture<>();
        current = run;
        executor.execute(() -> {
            try {
                latest = run();
                run.complete(latest);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Calibration failed");
                run.completeExceptionally(e);
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    /** The run going now (or the last one), to wait for; null before the first. */
    public CompletableFuture<CalibrationReport> current() {
        return current;
    }

    CalibrationReport run() {
        long t0 = System.nanoTime();
        Optional<LlmJudge> judge = grading.judge();
        Grade.Grader grader = grading.currentGrader();
        List<GradedExample> examples = InHouseSet.all();
        List<MohlerFile.Row> mohlerRows = List.of();
        List<String> errors = new ArrayList<>();
        Optional<java.nio.file.Path> mohlerFile = config.calibration().mohlerFile();
        if (mohlerFile.isPresent()) {
            try {
                mohlerRows = MohlerFile.read(mohlerFile.get());
            } catch (IOException e) {
                errors.add("Could not read the Mohler file: " + e.getMessage());
            }
        }
        List<MohlerFile.Row> mohlerSample = judge.isPresent() ? Calibration.sample(mohlerRows, config.calibration().llmSample()) : mohlerRows;
        List<Drill> probed = probedDrills(examples);
        List<GamingProbes.Probe> paraphrases = GamingProbes.paraphrases();
        List<GamingProbes.Probe> gamingProbes = new ArrayList<>();
        probed.forEach(d -> gamingProbes.addAll(GamingProbes.forDrill(d, paraphrases)));
        done.set(0);
        total.set(examples.size() + gamingProbes.size() + (judge.isPresent() ? mohlerSample.size() : mohlerRows.isEmpty() ? 0 : 1));
        AtomicInteger failedCalls = new AtomicInteger();

        List<Calibration.Graded> graded = new ArrayList<>();
        List<CalibrationReport.Item> items = new ArrayList<>();
        for (GradedExample e : examples) {
            Optional<Drill> drill = drills.drill(e.drillId());
            Scored s = drill.isEmpty() ? new Scored(null, false, "drill not found in questions/")
                    : score(drill.get(), e.answer(), judge, grader, e.id().hashCode(), failedCalls);
            if (drill.isPresent()) {
                graded.add(new Calibration.Graded(e, s.score(), s.failed(), s.note()));
            }
            items.add(new CalibrationReport.Item(e.id(), e.drillId(), e.kind(), e.score(), s.score(), s.failed(), s.note()));
            done.incrementAndGet();
        }
        Agreement inHouse = Calibration.agreement(graded);

        List<CalibrationReport.GamingResult> gaming = new ArrayList<>();
        for (GamingProbes.Probe p : gamingProbes) {
            Drill d = drills.drill(p.drillId()).orElseThrow();
            Scored s = score(d, p.answer(), judge, grader, (p.drillId() + p.kind()).hashCode(), failedCalls);
            gaming.add(new CalibrationReport.GamingResult(p.drillId(), p.kind(), p.expectation(), s.score(), !s.failed() && p.passes(s.score()), s.note()));
            done.incrementAndGet();
        }

        CalibrationReport.MohlerAgreement mohler = null;
        String mohlerNote = null;
        if (!mohlerRows.isEmpty()) {
            Double[] scores = new Double[mohlerSample.size()];
            if (judge.isEmpty()) {
                double[] p = ConceptCrossValidation.predictions(mohlerRows, 10);
                for (int i = 0; i < p.length; i++) {
                    scores[i] = p[i];
                }
                mohlerNote = "Offline estimate, all " + mohlerRows.size() + " answers, 10-fold cross-validation grouped by question "
                        + "(weights fitted without the question being scored).";
                done.incrementAndGet();
            } else {
                LlmJudge j = judge.get();
                for (int i = 0; i < mohlerSample.size(); i++) {
                    MohlerFile.Row r = mohlerSample.get(i);
                    try {
                        ConceptGrade g = GradingService.conceptGrade(0, j.gradeConcept(r.question(), r.reference(), r.answer()), r.answer(), grader);
                        scores[i] = g.score();
                        if (g.score() == null) {
                            failedCalls.incrementAndGet();
                        }
                    } catch (LlmJudge.GradingFailed f) {
                        failedCalls.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
                mohlerNote = "LLM judge on " + mohlerSample.size() + " answers spread over all questions (drillbook.calibration.llm-sample); "
                        + "answers whose verdict failed or was void are left out and counted.";
            }
            mohler = Calibration.mohler(mohlerSample, scores);
        }
        return new CalibrationReport(grader, Instant.now(), (System.nanoTime() - t0) / 1_000_000, inHouse, mohler, mohlerNote,
                Calibration.probes(graded, inHouse, gaming), items, gaming, failedCalls.get(), errors);
    }

    /**
     * The drills the gaming probes are built from: those of the in-house set first (their paraphrases are written), then
     * the rest of the catalog, at most {@value #PROBED_DRILLS} — four or five judge calls each.
     */
    private List<Drill> probedDrills(List<GradedExample> examples) {
        List<String> inHouse = examples.stream().map(GradedExample::drillId).distinct().toList();
        return drills.drills().stream().sorted(java.util.Comparator.comparing((Drill d) -> !inHouse.contains(d.id())).thenComparing(Drill::id))
                .limit(PROBED_DRILLS).toList();
    }

    /** A grader's score for one drill answer; {@code failed} when the judge call failed (a failure, not a result). */
    private record Scored(Integer score, boolean failed, String note) {
    }

    /**
     * Grades one drill answer with the grader configured now. A judge sees held-out examples only: graded answers to
     * other drills, never its own drill's.
     */
    private Scored score(Drill drill, String answer, Optional<LlmJudge> judge, Grade.Grader grader, long seed, AtomicInteger failedCalls) {
        if (judge.isEmpty()) {
            return new Scored(OfflineEstimator.drill(drill, answer, grader).score(), false, null);
        }
        try {
            Verdict v = judge.get().gradeDrill(drill, answer, null, InHouseSet.heldOutExamples(drill.id(), GradingService.EXAMPLES), seed);
            Grade g = VerdictScorer.score(drill, v, answer, grader);
            return new Scored(g.score(), false, g.flags().contains(VerdictScorer.INVENTED) ? "invented quotes" : null);
        } catch (LlmJudge.GradingFailed f) {
            failedCalls.incrementAndGet();
            return new Scored(null, true, "failed: " + f.getMessage());
        }
    }
}
