package dev.drillbook.grading;

import dev.drillbook.config.DrillbookConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile CalibrationReport latest;

    /** Progress of the current run. */
    public record Status(boolean running, int done, int total, CalibrationReport report) {
    }

    public Status status() {
        return new Status(running.get(), done.get(), total.get(), latest);
    }

    public boolean mohlerConfigured() {
        return config.calibration().mohlerFile().isPresent();
    }

    /** Starts a run unless one is going; returns false if one is. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread t = new Thread(() -> {
            try {
                latest = run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Calibration failed");
            } finally {
                running.set(false);
            }
        }, "calibration");
        t.setDaemon(true);
        t.start();
        return true;
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
        done.set(0);
        total.set(examples.size() + (judge.isPresent() ? mohlerSample.size() : mohlerRows.isEmpty() ? 0 : 1));

        List<Calibration.Graded> graded = new ArrayList<>();
        List<CalibrationReport.Item> items = new ArrayList<>();
        for (GradedExample e : examples) {
            Optional<Drill> drill = drills.drill(e.drillId());
            Integer machine = null;
            String note = null;
            if (drill.isEmpty()) {
                note = "drill not found in questions/";
            } else if (judge.isEmpty()) {
                machine = OfflineEstimator.drill(drill.get(), e.answer(), grader).score();
            } else {
                try {
                    Verdict v = judge.get().gradeDrill(drill.get(), e.answer(), null,
                            InHouseSet.examplesFor(e.drillId(), e.answer(), GradingService.EXAMPLES), e.id().hashCode());
                    machine = VerdictScorer.score(drill.get(), v, e.answer(), grader).score();
                } catch (LlmJudge.GradingFailed f) {
                    note = "failed: " + f.getMessage();
                }
            }
            if (drill.isPresent()) {
                graded.add(new Calibration.Graded(e, machine, note));
            }
            items.add(new CalibrationReport.Item(e.id(), e.drillId(), e.kind(), e.score(), machine, note));
            done.incrementAndGet();
        }
        Agreement inHouse = Calibration.agreement(graded);

        Agreement mohler = null;
        String mohlerNote = null;
        if (!mohlerRows.isEmpty()) {
            if (judge.isEmpty()) {
                mohler = ConceptCrossValidation.run(mohlerRows, 10);
                mohlerNote = "Offline estimate, all " + mohlerRows.size() + " answers, 10-fold cross-validation grouped by question "
                        + "(weights fitted without the question being scored).";
                done.incrementAndGet();
            } else {
                LlmJudge j = judge.get();
                mohler = Calibration.mohler(mohlerSample, r -> {
                    try {
                        return (double) j.gradeConcept(r.question(), r.reference(), r.answer()).score();
                    } catch (LlmJudge.GradingFailed f) {
                        return null;
                    } finally {
                        done.incrementAndGet();
                    }
                });
                mohlerNote = "LLM judge on " + mohlerSample.size() + " answers spread over all questions (drillbook.calibration.llm-sample).";
            }
        }
        return new CalibrationReport(grader, Instant.now(), (System.nanoTime() - t0) / 1_000_000, inHouse, mohler, mohlerNote,
                Calibration.probes(graded, inHouse), items, errors);
    }
}
