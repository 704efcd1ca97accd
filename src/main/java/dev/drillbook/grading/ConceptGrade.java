package dev.drillbook.grading;

import java.util.List;

/**
 * A graded free-text answer to a concept question.
 *
 * @param score 0–5 (the offline estimate has one decimal), {@code null} if grading failed or was withheld
 * @param rating the FSRS rating this suggests (again, hard, good, easy) — offered to the user, who confirms
 * @param error why there is no score, when grading failed
 */
public record ConceptGrade(long attemptId, Double score, Grade.Grader grader, String rating, String critique, List<String> quotes,
        List<String> missingPoints, List<String> factualErrors, List<String> flags, String confidence, List<String> notes,
        String error) {

    /**
     * The FSRS rating a grade suggests. Judge (whole points): 0–1 Again, 2 Hard, 3–4 Good, 5 Easy. Offline estimate: Again
     * below 2, Hard below 3.2, Good below 4.6, else Easy — stricter, because on its calibration set people gave most
     * answers 4 or more, so the estimate runs high.
     */
    public static String ratingFor(double score, boolean offline) {
        double again = offline ? 2 : 1.5;
        double hard = offline ? 3.2 : 2.5;
        double good = offline ? 4.6 : 4.5;
        if (score < again) {
            return "again";
        }
        if (score < hard) {
            return "hard";
        }
        return score < good ? "good" : "easy";
    }
}
