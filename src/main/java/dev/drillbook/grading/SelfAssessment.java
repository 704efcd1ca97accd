package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grade of an answer the user judged against the reference: each key point marked covered, partly or missed. Without
 * a judge this is the grade that counts (reviews, interview reports, weak topics); the offline estimate only suggests
 * marks. Score: covered 1, partly ½, missed 0, required points weighing double, as a share of 100.
 */
public final class SelfAssessment {

    public static final List<String> MARKS = List.of("covered", "partial", "missing");

    private SelfAssessment() {
    }

    /** Bad marks: a key point without a mark, an unknown key point or mark. */
    public static final class InvalidMarks extends Exception {
        public InvalidMarks(String message) {
            super(message);
        }
    }

    /**
     * @param suggestion the offline estimate (or an earlier self-assessment) whose quotes and flags are kept; may be null
     * @param marks key point id → covered, partial or missing, one for each key point of the drill
     */
    public static Grade grade(Drill drill, Grade suggestion, Map<String, String> marks) throws InvalidMarks {
        for (String id : marks.keySet()) {
            if (drill.keyPoints().stream().noneMatch(k -> k.id().equals(id))) {
                throw new InvalidMarks("The drill has no key point \"" + id + "\".");
            }
        }
        List<Grade.KeyPointGrade> points = new ArrayList<>();
        double earned = 0;
        double possible = 0;
        for (Drill.KeyPoint kp : drill.keyPoints()) {
            String mark = marks.get(kp.id());
            if (mark == null || !MARKS.contains(mark.toLowerCase(Locale.ROOT))) {
                throw new InvalidMarks("Mark key point " + kp.id() + " (\"" + VerdictScorer.shorten(kp.text()) + "\") as covered, partial or missing"
                        + (mark == null ? "." : ", not \"" + mark + "\"."));
            }
            String status = mark.toLowerCase(Locale.ROOT);
            String quote = suggestion == null ? null : suggestion.keyPoints().stream().filter(k -> k.id().equals(kp.id()))
                    .map(Grade.KeyPointGrade::quote).filter(q -> q != null).findFirst().orElse(null);
            points.add(new Grade.KeyPointGrade(kp.id(), kp.text(), kp.required(), status, status.equals("missing") ? null : quote, kp.links()));
            double weight = kp.required() ? 2 : 1;
            possible += weight;
            earned += weight * (status.equals("covered") ? 1 : status.equals("partial") ? 0.5 : 0);
        }
        List<String> notes = new ArrayList<>();
        notes.add("Your own assessment against the reference, key point by key point (covered 1, partly ½, required points count double).");
        int score = StrongBar.apply((int) Math.round(possible == 0 ? 0 : 100 * earned / possible), points, List.of(), notes);
        if (suggestion != null && "offline".equals(suggestion.grader().kind()) && suggestion.score() != null) {
            notes.add("The offline estimate suggested " + suggestion.score() + "/100.");
        }
        List<String> flags = suggestion == null ? List.of() : suggestion.flags();
        Integer shown = flags.contains("prompt_injection") ? null : score;
        return new Grade(GradingService.selfGrader(), shown, shown == null ? null : Grade.band(shown), List.of(), points, List.of(), List.of(),
                drill.followUps(), flags, "high", notes);
    }
}
