package dev.drillbook.grading;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How a grader compared with people on human-graded answers, and how it fared against answers built to game it.
 *
 * @param grader the grader measured
 * @param inHouse agreement on Drillbook's own graded drill answers (scores rescaled 0–100 → 0–5), null if not enough scored
 * @param mohler agreement on the Mohler short-answer set, each figure labelled by what it compares; null without the file
 * @param mohlerNote how the Mohler figures were obtained (held-out cross-validation, sample size…)
 * @param probes bias and robustness checks, each with whether it passed (a check whose judge calls failed did not pass)
 * @param items per-answer results on the in-house set
 * @param gaming each gaming probe (salad, pasted, negated, off-topic, paraphrase) on each drill, graded by this grader
 * @param failedCalls judge calls that failed during the run: shown as failures, never as results
 */
public record CalibrationReport(Grade.Grader grader, Instant finishedAt, long millis, Agreement inHouse, MohlerAgreement mohler,
        String mohlerNote, List<Probe> probes, List<Item> items, List<GamingResult> gaming, int failedCalls, List<String> errors) {

    /** Human vs human Pearson on the Mohler set (grader 1 against grader 2, all answers): the bar a grader should reach. */
    public static final double HUMAN_BAR = OfflineEstimator.MOHLER_HUMAN_PEARSON;

    public record Probe(String name, String result, boolean passed) {
    }

    /** @param machine the grader's score (0–100), null when withheld or failed; {@code failed} when the judge call failed */
    public record Item(String id, String drillId, String kind, Integer human, Integer machine, boolean failed, String note) {
    }

    /**
     * Like with like on the same answers: the grader against one human grader (and the other), the two human graders
     * against each other, and the grader against the two graders' average (which is smoother than either, so it flatters).
     *
     * @param failed answers whose judge call failed (left out of every figure)
     */
    public record MohlerAgreement(Agreement vsGrader1, Agreement vsGrader2, Agreement humanHuman, Agreement vsAverage, int failed) {
    }

    /** One gaming probe's outcome; {@code score} null when withheld or failed (then {@code note} says which). */
    public record GamingResult(String drillId, String kind, String expectation, Integer score, boolean passed, String note) {
    }

    /** The report as a plain-text table, for a terminal ({@code curl -H 'Accept: text/plain'}). */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Calibration of ").append(grader.label()).append(" (").append(millis / 1000).append(" s");
        if (failedCalls > 0) {
            b.append(", ").append(failedCalls).append(" judge calls FAILED");
        }
        b.append(")\n\n");
        b.append(String.format(Locale.ROOT, "%-46s %8s %8s%n", "Agreement (Pearson r, n answers)", "r", "n"));
        if (mohler != null) {
            row(b, "Mohler: grader vs one human grader (1)", mohler.vsGrader1());
            row(b, "Mohler: grader vs the other human grader (2)", mohler.vsGrader2());
            row(b, "Mohler: human grader 1 vs 2 (same answers)", mohler.humanHuman());
            row(b, "Mohler: grader vs the graders' average", mohler.vsAverage());
            if (mohler.failed() > 0) {
                b.append("  (").append(mohler.failed()).append(" Mohler answers left out: the judge call failed)\n");
            }
        }
        row(b, "In-house drills (flattering: see README)", inHouse);
        b.append("\nProbes\n");
        for (Probe p : probes) {
            b.append(p.passed() ? "  ok    " : "  FAIL  ").append(p.name()).append(": ").append(p.result()).append('\n');
        }
        b.append("\nGaming probes\n");
        b.append(String.format(Locale.ROOT, "  %-30s %-11s %6s  %-30s%n", "drill", "probe", "score", "wanted"));
        for (GamingResult g : gaming) {
            b.append(String.format(Locale.ROOT, "  %-30s %-11s %6s  %-30s %s%n", g.drillId(), g.kind(),
                    g.score() == null ? "-" : g.score().toString(), g.expectation(), (g.passed() ? "ok" : "FAIL") + (g.note() == null ? "" : " " + g.note())));
        }
        errors.forEach(e -> b.append("error: ").append(e).append('\n'));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Agreement a) {
        b.append(String.format(Locale.ROOT, "%-46s %8s %8s%n", name, a == null ? "-" : String.format(Locale.ROOT, "%.2f", a.pearson()),
                a == null ? "-" : String.valueOf(a.n())));
    }
}
