package dev.drillbook.grading;

import java.util.List;

/**
 * What a Strong grade needs besides the points: every required key point covered and, when a grader judged the
 * dimensions, an evaluation at least solid. An answer short of that is capped just below Strong. Every bundled drill has
 * a required evaluation key point, so an answer without an evaluation plan never reads Strong, whatever else it has —
 * the vault's own rule that "how would you evaluate it?" follows every design answer.
 */
public final class StrongBar {

    /** The highest score short of Strong ({@link Grade#band}). */
    public static final int CAP = 79;

    private StrongBar() {
    }

    /**
     * @param notes the grade's notes; the reason is added when the score is capped
     * @return the score, capped at {@link #CAP} when the bar is not met
     */
    public static int apply(int score, List<Grade.KeyPointGrade> keyPoints, List<Grade.DimensionGrade> dimensions, List<String> notes) {
        if (score <= CAP) {
            return score;
        }
        List<String> missed = keyPoints.stream().filter(k -> k.required() && !k.status().equals("covered"))
                .map(k -> "\"" + VerdictScorer.shorten(k.text()) + "\"").toList();
        boolean weakEvaluation = dimensions.stream().anyMatch(d -> d.id().equals("evaluation") && d.level() < 2);
        if (missed.isEmpty() && !weakEvaluation) {
            return score;
        }
        String why = !missed.isEmpty() ? "required key point" + (missed.size() == 1 ? " " : "s ") + String.join(", ", missed)
                + (missed.size() == 1 ? " is" : " are") + " not covered" : "the evaluation plan is below solid";
        notes.add("Capped at " + CAP + " (" + score + " before): Strong needs every required key point and a solid evaluation plan, and "
                + why + ".");
        return CAP;
    }
}
