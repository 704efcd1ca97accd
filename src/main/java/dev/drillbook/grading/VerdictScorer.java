package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a judge's verdict into a grade. The model never supplies the score: the app keeps only quotes that are evidence
 * (a real span of the answer, whole words, at least four content words or a whole sentence — {@link Quotes#check}); a
 * dimension whose critique rests on a quote that is not in the answer is void (level 0) and the verdict is flagged
 * {@code invented_quote}; a dimension left without evidence is capped at "weak"; a key point counts only with evidence;
 * the weighted score is computed here; and it is withheld when the answer tried to instruct the grader — by the judge's
 * flag or by Drillbook's own {@link InjectionCheck}, which always runs.
 */
public final class VerdictScorer {

    public static final String INVENTED = "invented_quote";

    private VerdictScorer() {
    }

    public static Grade score(Drill drill, Verdict verdict, String answer, Grade.Grader grader) {
        List<String> notes = new ArrayList<>();
        List<String> flags = new ArrayList<>(verdict.flags());
        Map<String, Verdict.DimensionFinding> byId = new LinkedHashMap<>();
        verdict.dimensions().forEach(d -> byId.putIfAbsent(d.id(), d));
        List<Grade.DimensionGrade> dims = new ArrayList<>();
        int invented = 0;
        int tooShort = 0;
        double weighted = 0;
        double weights = 0;
        for (Drill.Dimension dim : drill.rubric()) {
            Verdict.DimensionFinding f = byId.get(dim.id());
            int judgeLevel = f == null ? 0 : f.level();
            List<String> quotes = new ArrayList<>();
            boolean made = false;
            if (f != null) {
                for (String q : f.quotes()) {
                    switch (Quotes.check(q, answer)) {
                        case EVIDENCE -> quotes.add(q);
                        case TOO_SHORT -> tooShort++;
                        case INVENTED -> made = true;
                    }
                }
            }
            int level = judgeLevel;
            if (made) {
                invented++;
                level = 0;
                quotes.clear();
                notes.add(dim.title() + ": void — the judge quoted words that are not in the answer.");
            } else if (level > 1 && quotes.isEmpty()) {
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
            if (quote != null) {
                Quotes.Check c = Quotes.check(quote, answer);
                if (c == Quotes.Check.INVENTED) {
                    invented++;
                } else if (c == Quotes.Check.TOO_SHORT) {
                    tooShort++;
                }
                if (c != Quotes.Check.EVIDENCE) {
                    quote = null;
                }
            }
            if (quote == null && (status.equals("covered") || status.equals("partial"))) {
                notes.add("Key point \"" + shorten(kp.text()) + "\" marked " + status + " without evidence in the answer: counted as missing.");
                status = "missing";
            }
            keyPoints.add(new Grade.KeyPointGrade(kp.id(), kp.text(), kp.required(), status, quote, kp.links()));
        }
        if (tooShort > 0) {
            notes.add(0, tooShort + (tooShort == 1 ? " quote was" : " quotes were") + " too short to show anything (a whole sentence or at least "
                    + Quotes.MIN_CONTENT_WORDS + " content words are needed) and " + (tooShort == 1 ? "was" : "were") + " ignored.");
        }
        String confidence = verdict.confidence();
        if (invented > 0) {
            flags.add(INVENTED);
            confidence = "low";
            notes.add(0, invented + (invented == 1 ? " quote" : " quotes") + " from the judge " + (invented == 1 ? "is" : "are")
                    + " not in the answer: the dimensions resting on them are void and this verdict needs review.");
        }
        Integer score = StrongBar.apply((int) Math.round(weights == 0 ? 0 : 100 * weighted / weights), keyPoints, dims, notes);
        String band = Grade.band(score);
        if (InjectionCheck.attempted(answer) && !flags.contains("prompt_injection")) {
            flags.add("prompt_injection");
        }
        if (flags.contains("prompt_injection")) {
            score = null;
            band = null;
            notes.add("The answer tries to instruct the grader, so no score is given. Rewrite it as an answer and submit again.");
        }
        if ("low".equals(confidence)) {
            notes.add("The judge was not confident in this verdict: review suggested.");
        }
        return new Grade(grader, score, band, dims, keyPoints, verdict.strengths(), verdict.improvements(), verdict.followUps(),
                flags, confidence, notes);
    }

    static String shorten(String s) {
        String t = Drill.KeyPoint.statement(s);
        return t.length() <= 70 ? t : t.substring(0, 67) + "…";
    }
}
