package dev.drillbook.grading;

import java.time.Instant;
import java.util.List;

/**
 * How a grader compared with people on human-graded answers.
 *
 * @param grader the grader measured
 * @param inHouse agreement on Drillbook's own graded drill answers (scores rescaled 0–100 → 0–5), null if not run
 * @param mohler agreement on the Mohler short-answer set, null if its file is not configured
 * @param mohlerNote how the Mohler figure was obtained (held-out cross-validation, sample size…)
 * @param probes bias and robustness checks, each with whether it passed
 * @param items per-answer results on the in-house set
 */
public record CalibrationReport(Grade.Grader grader, Instant finishedAt, long millis, Agreement inHouse, Agreement mohler,
        String mohlerNote, List<Probe> probes, List<Item> items, List<String> errors) {

    /** Human vs human Pearson on the Mohler set (the bar a grader should reach). */
    public static final double HUMAN_BAR = 0.60;

    public record Probe(String name, String result, boolean passed) {
    }

    /** @param machine the grader's score (0–100), null when withheld or failed */
    public record Item(String id, String drillId, String kind, Integer human, Integer machine, String note) {
    }
}
