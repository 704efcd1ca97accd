package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grader used when no LLM is configured: lexical coverage of the reference. It is an estimate and is labelled as
 * one, with its measured agreement; it cannot tell a sound argument from the right words in the wrong order.
 *
 * <p>Concept answers: a linear blend of {@link ConceptFeatures}, weights fitted on the Mohler et al. (2011) set; its
 * agreement with human grades was measured with question-grouped cross-validation (README, "Grading"). Drill answers:
 * each key point is covered when a passage of the answer uses most of its content words.
 */
public final class OfflineEstimator {

    /** Held-out Pearson of the concept estimate against human grades (10-fold, grouped by question), shown to users. */
    public static final double CONCEPT_PEARSON = 0.57;

    /** Fitted on all 2,442 Mohler answers (intercept, recall, precision, bigram recall, length ratio, capped length, plain recall, √recall). */
    static final double[] CONCEPT_WEIGHTS = {2.4857, -2.4073, 0.5966, 0.0531, 0.0627, 0.7052, 1.1956, 2.4179};

    /** Highest estimate for an answer that uses none of the reference's words (measured: Mohler Pearson drops by under 0.01). */
    static final double NO_OVERLAP_CAP = 3.0;

    /** A short answer sharing no word with the reference ("I don't know", "not sure") is scored at most 1. */
    static final double SHORT_NO_OVERLAP_CAP = 1.0;
    static final int SHORT_ANSWER_TERMS = 3;
    static final double COVERED = 0.5;
    static final double PARTIAL = 0.25;

    private static final Pattern INJECTION = Pattern.compile(
            "(ignore|disregard|forget)\\s+(all\\s+|any\\s+|the\\s+)?(previous|prior|above|earlier|your)\\s+(instructions|rules|prompt)"
                    + "|\\b(you are|act as)\\s+(now\\s+)?(a|an|the)\\s+\\w*\\s*(grader|judge|assistant)"
                    + "|\\b(give|award|assign|grade|score)\\s+(this|me|my)\\s+(answer\\s+)?(a\\s+)?(full|maximum|perfect|top|100|5/5|10/10)"
                    + "|\\b(as|to) the (grader|judge)\\b|^\\s*system\\s*:|</?candidate_answer>",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private OfflineEstimator() {
    }

    /** An estimated 0–5 grade for a concept answer. */
    public record ConceptEstimate(double score, ConceptFeatures features, List<String> flags) {
    }

    public static ConceptEstimate concept(String question, String reference, String answer) {
        ConceptFeatures f = ConceptFeatures.of(question, reference, answer);
        double s = conceptScore(CONCEPT_WEIGHTS, f);
        List<String> flags = new ArrayList<>();
        if (Terms.of(answer).isEmpty()) {
            flags.add("too_short");
            s = 0;
        }
        if (INJECTION.matcher(answer).find()) {
            flags.add("prompt_injection");
        }
        return new ConceptEstimate(Math.round(Math.max(0, Math.min(5, s)) * 10) / 10.0, f, flags);
    }

    /**
     * The linear blend, then one rule the blend cannot learn from Mohler (where most answers are on topic): an answer that
     * uses none of the reference's words gets at most 3 (on Mohler, people graded most such answers well: they
     * paraphrase), and at most 1 when it is also short (fewer than 3 content words: "I don't know").
     */
    public static double conceptScore(double[] weights, ConceptFeatures f) {
        double[] x = f.vector();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += weights[i] * x[i];
        }
        if (f.recall() == 0 && f.plainRecall() == 0) {
            s = Math.min(s, f.answerTerms() < SHORT_ANSWER_TERMS ? SHORT_NO_OVERLAP_CAP : NO_OVERLAP_CAP);
        }
        return Math.max(0, Math.min(5, s));
    }

    /** Offline grade of a drill answer: key-point coverage with the best matching passage quoted, and a 0–100 estimate. */
    public static Grade drill(Drill drill, String answer, Grade.Grader grader) {
        List<Passage> passages = passages(answer);
        List<Grade.KeyPointGrade> points = new ArrayList<>();
        double earned = 0;
        double possible = 0;
        for (Drill.KeyPoint kp : drill.keyPoints()) {
            Set<String> want = new LinkedHashSet<>(Terms.of(kp.statement()));
            double best = 0;
            String quote = null;
            for (int i = 0; i < passages.size(); i++) {
                Passage own = passages.get(i);
                Passage next = i + 1 < passages.size() ? passages.get(i + 1) : null;
                double c = coverage(want, own.stems(), next == null ? Set.of() : next.stems());
                if (c > best) {
                    best = c;
                    // quote the one of the two that says more of the point
                    boolean nextSaysMore = next != null && coverage(want, next.stems(), Set.of()) > coverage(want, own.stems(), Set.of());
                    quote = (nextSaysMore ? next : own).text();
                }
            }
            String status = best >= COVERED ? "covered" : best >= PARTIAL ? "partial" : "missing";
            double weight = kp.required() ? 2 : 1;
            possible += weight;
            earned += weight * (status.equals("covered") ? 1 : status.equals("partial") ? 0.5 : 0);
            points.add(new Grade.KeyPointGrade(kp.id(), kp.text(), kp.required(), status, status.equals("missing") ? null : quote, kp.links()));
        }
        List<String> flags = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double score = possible == 0 ? 0 : 100 * earned / possible;
        int words = Terms.wordCount(answer);
        if (words < 60) {
            flags.add("too_short");
            score = Math.min(score, 20);
            notes.add("Very short answer (" + words + " words): capped at 20.");
        }
        double distinct = distinctShare(passages);
        if (distinct < 0.7) {
            flags.add("padded");
            score *= distinct;
            notes.add(String.format(Locale.ROOT, "Much of the answer repeats itself (%.0f %% distinct passages): scaled down.", distinct * 100));
        }
        Integer shown = StrongBar.apply((int) Math.round(score), points, List.of(), notes);
        String band = Grade.band(shown);
        if (INJECTION.matcher(answer).find()) {
            flags.add("prompt_injection");
            shown = null;
            band = null;
            notes.add("The answer contains text aimed at the grader, so no score is given.");
        }
        notes.add("Offline estimate: key-point word coverage only. It does not judge design quality; configure an LLM judge for a verdict.");
        return new Grade(grader, shown, band, List.of(), points, List.of(), List.of(), drill.followUps(), flags, "low", notes);
    }

    /** A sentence or list item of the answer and its distinct stems. */
    record Passage(String text, Set<String> stems) {
    }

    static List<Passage> passages(String answer) {
        List<Passage> out = new ArrayList<>();
        for (String line : answer.split("\\n")) {
            for (String sentence : line.split("(?<=[.!?;])\\s+")) {
                String t = sentence.strip().replaceFirst("^([-*+]|\\d+[.)]|#+)\\s+", "").strip();
                if (!t.isEmpty()) {
                    List<String> stems = Terms.of(t);
                    if (!stems.isEmpty()) {
                        out.add(new Passage(t, new HashSet<>(stems)));
                    }
                }
            }
        }
        return out;
    }

    /** Share of the wanted stems found in either passage. */
    private static double coverage(Set<String> want, Set<String> first, Set<String> second) {
        if (want.isEmpty()) {
            return 0;
        }
        int hit = 0;
        for (String w : want) {
            hit += first.contains(w) || second.contains(w) ? 1 : 0;
        }
        return (double) hit / want.size();
    }

    private static double distinctShare(List<Passage> passages) {
        if (passages.size() < 4) {
            return 1;
        }
        Set<String> seen = new HashSet<>();
        for (Passage p : passages) {
            seen.add(String.join(" ", new java.util.TreeSet<>(p.stems())));
        }
        return (double) seen.size() / passages.size();
    }
}
