package dev.drillbook.grading;

import java.util.List;

/**
 * A graded system-design answer as Drillbook shows it: the judge's findings after quote verification, with the score
 * the app computed — or the offline estimate. Stored as JSON with the attempt.
 *
 * @param grader who graded: {@code llm} (with the model) or {@code offline}
 * @param score 0–100, {@code null} when withheld (prompt injection)
 * @param band Strong / Solid / Developing / Weak, or {@code null} with the score
 * @param notes what the app changed in the judge's verdict and why (invented quotes dropped, levels capped)
 */
public record Grade(Grader grader, Integer score, String band, List<DimensionGrade> dimensions, List<KeyPointGrade> keyPoints,
        List<String> strengths, List<Verdict.Improvement> improvements, List<String> followUps, List<String> flags,
        String confidence, List<String> notes) {

    /** @param kind {@code llm} or {@code offline}; {@code agreement} is the grader's measured Pearson with humans, if known */
    public record Grader(String kind, String model, String label) {
    }

    /**
     * @param level 0–3 after capping; {@code judgeLevel} is what the judge chose
     */
    public record DimensionGrade(String id, String title, double weight, int level, int judgeLevel, String critique,
            List<String> quotes) {
        public String levelName() {
            return Rubric.LEVELS.get(level);
        }
    }

    /** @param status covered, partial, missing or incorrect; {@code quote} verified or null */
    public record KeyPointGrade(String id, String text, boolean required, String status, String quote, List<String> links) {
    }

    public Grade {
        dimensions = List.copyOf(dimensions);
        keyPoints = List.copyOf(keyPoints);
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
        followUps = List.copyOf(followUps);
        flags = List.copyOf(flags);
        notes = List.copyOf(notes);
    }

    /** Bands of the 0–100 score (documented in README). */
    public static String band(int score) {
        if (score >= 80) {
            return "Strong";
        }
        if (score >= 60) {
            return "Solid";
        }
        if (score >= 40) {
            return "Developing";
        }
        return "Weak";
    }

    public boolean withheld() {
        return score == null;
    }
}
