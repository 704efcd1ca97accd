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

    /** Again below 1.5, Hard below 2.5, Good below 4.5, else Easy. */
    public static String ratingFor(double score) {
        if (score < 1.5) {
            return "again";
        }
        if (score < 2.5) {
            return "hard";
        }
        return score < 4.5 ? "good" : "easy";
    }
}
