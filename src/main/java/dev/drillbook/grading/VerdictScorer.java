package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a judge's verdict into a grade. The model never supplies the score: the app keeps only quotes that are really
 * in the answer, caps a dimension with no surviving quote at "weak", counts a key point as covered only with a real
 * quote, computes the weighted score, and withholds it when the answer tried to instruct the grader.
 */
public final class VerdictScorer {

    private VerdictScorer() {
    }

    public static Grade score(Drill drill, Verdict verdict, String answer, Grade.Grader grader) {
        List<String> notes = new ArrayList<>();
        Map<String, Verdict.DimensionFinding> byId = new LinkedHashMap<>();
        verdict.dimensions().forEach(d -> byId.putIfAbsent(d.id(), d));
        List<Grade.DimensionGrade> dims = new ArrayList<>();
        int dropped = 0;
        double weighted = 0;
        double weights = 0;
        for (Drill.Dimension dim : drill.rubric()) {
            Verdict.DimensionFinding f = byId.get(dim.id());
            int judgeLevel = f == null ? 0 : f.level();
            List<String> quotes = new ArrayList<>();
            if (f != null) {
                for (String q : f.quotes()) {
                    if (Quotes.isIn(q, answer)) {
                        quotes.add(q);
                    } else {
                        dropped++;
                    }
                }
            }
            int level = judgeLevel;
            if (level > 1 && quotes.isEmpty()) {
                level = 1;
                notes.add(dim.title() + ": capped at weak because no quoted evidence was found in the answer.");
            }
            dims.add(new Grade.DimensionGrade(dim.id(), dim.title(), dim.weight(), level, judgeLevel, f == null ? "" : f.critique(), quotes));
            weighted += dim.weight() * level / 3.0;
            weights += dim.weight();
        }
        Map<String, Verdict.KeyPointFinding> points = new LinkedHashMap<>();
        verdict.keyPoints().forEach(k -> points.putIfAbsent(k.id(), k));
        List<Grade.KeyPointGrade> keyPoints = new ArrayList<>();
        for (Drill.KeyPoint kp : drill.keyPoints()) {
            Verdict.KeyPointFinding f = points.get(kp.id());
            String status = f == null ? "missing" : f.status();
            String quote = f == null || f.quote() == null || f.quote().isBlank() ? null : f.quote();
            if (quote != null && !Quotes.isIn(quote, answer)) {
                dropped++;
                quote = null;
            }
            if (quote == null && (status.equals("covered") || status.equals("partial"))) {
                notes.add("Key point \"" + shorten(kp.text()) + "\" marked " + status + " without evidence in the answer: counted as missing.");
                status = "missing";
            }
            keyPoints.add(new Grade.KeyPointGrade(kp.id(), kp.text(), kp.required(), status, quote, kp.links()));
        }
        if (dropped > 0) {
            notes.add(0, dropped + (dropped == 1 ? " quote" : " quotes") + " from the judge could not be found in the answer and "
                    + (dropped == 1 ? "was" : "were") + " dropped.");
        }
        Integer score = StrongBar.apply((int) Math.round(weights == 0 ? 0 : 100 * weighted / weights), keyPoints, dims, notes);
        String band = Grade.band(score);
        if (verdict.flags().contains("prompt_injection")) {
            score = null;
            band = null;
            notes.add("The answer tries to instruct the grader, so no score is given. Rewrite it as an answer and submit again.");
        }
        if ("low".equals(verdict.confidence())) {
            notes.add("The judge was not confident in this verdict: review suggested.");
        }
        return new Grade(grader, score, band, dims, keyPoints, verdict.strengths(), verdict.improvements(), verdict.followUps(),
                verdict.flags(), verdict.confidence(), notes);
    }

    static String shorten(String s) {
        String t = Drill.KeyPoint.statement(s);
        return t.length() <= 70 ? t : t.substring(0, 67) + "…";
    }
}
