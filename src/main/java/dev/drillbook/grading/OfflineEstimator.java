package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    public static final double CONCEPT_PEARSON = 0.54;

    /** Human vs human Pearson on the Mohler set (grader 1 against grader 2, all answers). */
    public static final double MOHLER_HUMAN_PEARSON = 0.61;

    /** Fitted on all 2,442 Mohler answers (intercept, recall, precision, bigram recall, length ratio, capped length, plain recall, √recall). */
    static final double[] CONCEPT_WEIGHTS = {2.4857, -2.4073, 0.5966, 0.0531, 0.0627, 0.7052, 1.1956, 2.4179};

    /**
     * Highest estimate for an answer that uses none of the reference's words: below "good" (3), so that in a mock interview
     * it counts as a miss (under 60/100) and goes back to review. On Mohler, people graded many such answers well (they
     * paraphrase), which is why it is not lower.
     */
    static final double NO_OVERLAP_CAP = 2.5;

    /** A short answer sharing no word with the reference ("I don't know", "not sure") is scored at most 1. */
    static final double SHORT_NO_OVERLAP_CAP = 1.0;
    static final int SHORT_ANSWER_TERMS = 3;
    static final double COVERED = 0.5;
    static final double PARTIAL = 0.25;

    private OfflineEstimator() {
    }

    /** An estimated 0–5 grade for a concept answer. */
    public record ConceptEstimate(double score, ConceptFeatures features, List<String> flags) {
    }

    public static ConceptEstimate concept(String question, String reference, String answer) {
        ConceptFeatures f = ConceptFeatures.of(question, reference, answer);
        List<String> flags = new ArrayList<>();
        double s = Math.min(conceptScore(CONCEPT_WEIGHTS, f), conceptCap(question, answer, f, flags));
        if (InjectionCheck.attempted(answer)) {
            flags.add("prompt_injection");
        }
        return new ConceptEstimate(Math.round(Math.max(0, Math.min(5, s)) * 10) / 10.0, f, flags);
    }

    /** What the estimate says about a concept answer: the overlap it measured and any gaming it saw. */
    static String conceptCritique(ConceptEstimate e) {
        String base = String.format(Locale.ROOT, "Estimated from word overlap with the reference answer: %.0f %% of its key words are used.",
                e.features().recall() * 100);
        List<String> why = new ArrayList<>();
        if (e.flags().contains("off_topic")) {
            why.add("it shares no word with the question or the reference, so it looks off topic");
        }
        if (e.flags().contains("word_salad")) {
            why.add("it is keywords without sentences");
        }
        if (e.flags().contains("negated")) {
            why.add("it rejects the statement it makes");
        }
        if (e.flags().contains("too_short")) {
            why.add("it gives no answer");
        }
        return why.isEmpty() ? base : base + " Marked down because " + String.join("; ", why) + ".";
    }

    /** Highest estimate for keywords without sentences, a negated reference, or an answer about something else. */
    static final double CONCEPT_GAMED_CAP = 1.0;
    /** Terse fragments ("push, pop, peek") are fine answers: the salad check starts at this many words. */
    static final int CONCEPT_SALAD_WORDS = 8;
    /** An answer of this many content words sharing none with the question or the reference is about something else. */
    static final int OFF_TOPIC_TERMS = 10;

    /**
     * What language signals allow a concept answer at most, whatever its word overlap (5 when nothing is wrong), with the
     * flags saying why: nothing or "I don't know" gets 0; keywords without sentences, a statement of the reference that
     * rejects it ("It is not true that …"), and an answer sharing no word with the question or the reference get at most
     * {@value #CONCEPT_GAMED_CAP}. Part of the estimate that cross-validation measures.
     */
    static double conceptCap(String question, String answer, ConceptFeatures f, List<String> flags) {
        if (Terms.of(answer).isEmpty() || LanguageSignals.nonAnswer(answer)) {
            flags.add("too_short");
            return 0;
        }
        double cap = 5;
        if (Terms.wordCount(answer) >= CONCEPT_SALAD_WORDS
                && LanguageSignals.sentenceShare(passages(answer).stream().map(Passage::text).toList()) < SALAD) {
            flags.add("word_salad");
            cap = CONCEPT_GAMED_CAP;
        }
        if (LanguageSignals.rejects(answer)) {
            flags.add("negated");
            cap = CONCEPT_GAMED_CAP;
        }
        if (f.recall() == 0 && f.plainRecall() == 0) {
            flags.add("off_topic");
            if (f.answerTerms() >= OFF_TOPIC_TERMS && java.util.Collections.disjoint(new HashSet<>(Terms.of(question)), Terms.of(answer))) {
                cap = CONCEPT_GAMED_CAP;
            }
        }
        return cap;
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

    /** Below this share of words in sentence-like passages, an answer is word salad: at most {@link #GAMED_CAP}. */
    static final double SALAD = 0.5;
    /** Below this share of content words that the key points and prompt do not already use, an answer only echoes them. */
    static final double ECHO = 0.2;
    /** Highest estimate for an answer that games the estimate (salad, echoed or pasted key points). */
    static final int GAMED_CAP = 20;
    /**
     * Consecutive words of a key point that count as pasting it: at least 6, and at least 60 % of the key point. On the
     * in-house set, people's answers share at most 42 % of a key point in one run (10 of 24 words); pasted key points
     * share all of it.
     */
    static final int PASTED_RUN = 6;
    static final double PASTED_SHARE = 0.6;

    /**
     * Offline estimate of a drill answer: key-point coverage with the best matching passage quoted, and a 0–100 figure.
     * A passage earns credit only when it is written as a sentence and does not negate the point; a key point pasted
     * verbatim earns nothing; word salad and answers that only echo the key points' words are capped at {@value #GAMED_CAP}.
     */
    public static Grade drill(Drill drill, String answer, Grade.Grader grader) {
        List<Passage> passages = passages(answer);
        List<Grade.KeyPointGrade> points = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double earned = 0;
        double possible = 0;
        int pasted = 0;
        int negated = 0;
        for (Drill.KeyPoint kp : drill.keyPoints()) {
            Set<String> want = new LinkedHashSet<>(Terms.of(kp.statement()));
            double best = 0;
            String quote = null;
            boolean bestNegated = false;
            for (int i = 0; i < passages.size(); i++) {
                Passage own = passages.get(i);
                if (!own.sentence()) {
                    continue;
                }
                Passage next = i + 1 < passages.size() && passages.get(i + 1).sentence() ? passages.get(i + 1) : null;
                double c = coverage(want, own.stems(), next == null ? Set.of() : next.stems());
                if (c > best) {
                    // quote the one of the two that says more of the point
                    boolean nextSaysMore = next != null && coverage(want, next.stems(), Set.of()) > coverage(want, own.stems(), Set.of());
                    Passage said = nextSaysMore ? next : own;
                    boolean neg = LanguageSignals.negates(said.text(), kp.statement(), want);
                    if (neg) {
                        bestNegated = c >= PARTIAL;
                        continue;
                    }
                    best = c;
                    quote = said.text();
                }
            }
            String status = best >= COVERED ? "covered" : best >= PARTIAL ? "partial" : "missing";
            if (LanguageSignals.copies(answer, kp.statement(), PASTED_RUN, PASTED_SHARE)) {
                pasted++;
                status = "missing";
            } else if (bestNegated && status.equals("missing")) {
                negated++;
            }
            double weight = kp.required() ? 2 : 1;
            possible += weight;
            earned += weight * (status.equals("covered") ? 1 : status.equals("partial") ? 0.5 : 0);
            points.add(new Grade.KeyPointGrade(kp.id(), kp.text(), kp.required(), status, status.equals("missing") ? null : quote, kp.links()));
        }
        double score = possible == 0 ? 0 : 100 * earned / possible;
        if (pasted > 0) {
            flags.add("copied_reference");
            notes.add(pasted + (pasted == 1 ? " key point is" : " key points are") + " copied word for word from the drill: no credit for "
                    + (pasted == 1 ? "it" : "them") + ".");
        }
        if (negated > 0) {
            flags.add("negated");
            notes.add(negated + (negated == 1 ? " key point is" : " key points are") + " mentioned only to be negated or rejected: no credit.");
        }
        double sentences = LanguageSignals.sentenceShare(passages.stream().map(Passage::text).toList());
        if (sentences < SALAD) {
            flags.add("word_salad");
            score = Math.min(score, GAMED_CAP);
            notes.add(String.format(Locale.ROOT, "Only %.0f %% of the answer is written in sentences: keywords without sentences are capped at %d.",
                    sentences * 100, GAMED_CAP));
        }
        double novel = novelShare(drill, answer);
        if (Terms.of(answer).size() >= 30 && novel < ECHO && !flags.contains("word_salad")) {
            if (!flags.contains("copied_reference")) {
                flags.add("copied_reference");
            }
            score = Math.min(score, GAMED_CAP);
            notes.add(String.format(Locale.ROOT, "Only %.0f %% of the answer's words go beyond the key points' own: capped at %d.",
                    novel * 100, GAMED_CAP));
        }
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
        if (InjectionCheck.attempted(answer)) {
            flags.add("prompt_injection");
            shown = null;
            band = null;
            notes.add("The answer contains text aimed at the grader, so no score is given.");
        }
        notes.add("Offline estimate: key-point word coverage only. It does not judge design quality; configure an LLM judge for a verdict.");
        return new Grade(grader, shown, band, List.of(), points, List.of(), List.of(), drill.followUps(), flags, "low", notes);
    }

    /** Share of the answer's distinct content words that neither the key points nor the prompt use. */
    static double novelShare(Drill drill, String answer) {
        Set<String> known = new HashSet<>(Terms.of(drill.title() + " " + drill.prompt()));
        drill.keyPoints().forEach(k -> known.addAll(Terms.of(k.statement())));
        Set<String> own = new HashSet<>(Terms.of(answer));
        if (own.isEmpty()) {
            return 0;
        }
        long novel = own.stream().filter(t -> !known.contains(t)).count();
        return (double) novel / own.size();
    }

    /** A sentence or list item of the answer, its distinct stems, and whether it is written as a sentence. */
    record Passage(String text, Set<String> stems, boolean sentence) {
    }

    static List<Passage> passages(String answer) {
        List<Passage> out = new ArrayList<>();
        for (String line : answer.split("\\n")) {
            for (String sentence : line.split("(?<=[.!?;])\\s+")) {
                String t = sentence.strip().replaceFirst("^([-*+]|\\d+[.)]|#+)\\s+", "").strip();
                if (!t.isEmpty()) {
                    List<String> stems = Terms.of(t);
                    if (!stems.isEmpty()) {
                        out.add(new Passage(t, new HashSet<>(stems), LanguageSignals.sentenceLike(t)));
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
