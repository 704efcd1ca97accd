package dev.drillbook.web;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.ConceptGrade;
import dev.drillbook.grading.Grade;
import dev.drillbook.grading.GradingService;
import dev.drillbook.grading.Verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Attempts as JSON. */
@ApplicationScoped
public class AttemptViews {

    /** Largest answer accepted: far beyond any interview answer, small enough to keep the database sane. */
    static final int MAX_ANSWER = 200_000;

    @Inject
    GradingService grading;

    public record GraderJson(String kind, String model, String label) {
    }

    public record DimensionJson(String id, String title, double weight, Integer level, String levelName, Integer judgeLevel,
            String critique, List<String> quotes) {
    }

    public record KeyPointJson(String id, String text, boolean required, String status, String quote) {
    }

    /**
     * @param estimate while the attempt waits for a self-assessment: the offline estimate's suggestion (0–100); the marks it
     *                 suggests are in {@code keyPoints}
     */
    public record AttemptJson(long id, String drillId, String answer, String status, GraderJson grader, Integer score, Integer estimate, String band,
            List<DimensionJson> dimensions, List<KeyPointJson> keyPoints, List<String> strengths, List<Verdict.Improvement> improvements,
            List<String> followUps, List<String> flags, String confidence, List<String> notes, String error, Instant submittedAt,
            Instant gradedAt, Integer timeUsedSeconds, Integer timeLimitSeconds) {
    }

    public record AttemptSummaryJson(long id, String status, Integer score, String band, String grader, Instant submittedAt,
            Integer timeUsedSeconds) {
    }

    public record StatusJson(long id, String status) {
    }

    /** A concept answer (review screen, mock interview) as stored: its grade once graded, readable after the caller left. */
    public record ConceptAttemptJson(long id, String kind, String cardId, String question, String answer, String status, Double score,
            ConceptGrade grade, String error, Instant submittedAt, Instant gradedAt) {
    }

    Object any(AttemptEntity a) {
        if ("concept".equals(a.kind)) {
            ConceptGrade g = AttemptEntity.PENDING.equals(a.status) ? null : grading.conceptGradeOf(a);
            return new ConceptAttemptJson(a.id, a.kind, a.cardId, a.question, a.answer, a.status, a.score, g, a.error, a.submittedAt, a.gradedAt);
        }
        return json(a);
    }

    AttemptJson json(AttemptEntity a) {
        boolean assess = AttemptEntity.ASSESS.equals(a.status);
        Grade g = AttemptEntity.GRADED.equals(a.status) || assess ? grading.gradeOf(a) : null;
        GraderJson grader = g != null ? new GraderJson(g.grader().kind(), g.grader().model(), g.grader().label())
                : a.graderKind == null ? null : new GraderJson(a.graderKind, a.graderModel, null);
        return new AttemptJson(a.id, a.drillId, a.answer, a.status, grader, g == null || assess ? null : g.score(),
                assess && g != null ? g.score() : null, g == null || assess ? null : g.band(),
                g == null ? List.of() : g.dimensions().stream().map(d -> new DimensionJson(d.id(), d.title(), d.weight(), d.level(),
                        d.levelName(), d.judgeLevel(), d.critique(), d.quotes())).toList(),
                g == null ? List.of() : g.keyPoints().stream().map(k -> new KeyPointJson(k.id(), k.text(), k.required(), k.status(),
                        k.quote())).toList(),
                g == null ? List.of() : g.strengths(), g == null ? List.of() : g.improvements(), g == null ? List.of() : g.followUps(),
                g == null ? List.of() : g.flags(), g == null ? null : g.confidence(), g == null ? List.of() : g.notes(), a.error,
                a.submittedAt, a.gradedAt, a.timeUsedSeconds, a.timeLimitSeconds);
    }

    AttemptSummaryJson summary(AttemptEntity a) {
        return new AttemptSummaryJson(a.id, a.status, a.score == null ? null : (int) Math.round(a.score),
                a.score == null ? null : Grade.band((int) Math.round(a.score)), a.graderKind, a.submittedAt, a.timeUsedSeconds);
    }

    /** The answer, checked: present, not blank, not absurdly long. */
    /** Refuses a field longer than {@code max} characters with a 400 that names it. */
    static void bounded(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(field + " is " + value.length() + " characters; the limit is " + max + ".");
        }
    }

    static String answer(String answer) {
        if (answer == null || answer.isBlank()) {
            throw ApiException.badRequest("The answer is empty: write something before submitting.");
        }
        if (answer.length() > MAX_ANSWER) {
            throw ApiException.badRequest("The answer is " + answer.length() + " characters; the limit is " + MAX_ANSWER + ".");
        }
        return answer;
    }
}
