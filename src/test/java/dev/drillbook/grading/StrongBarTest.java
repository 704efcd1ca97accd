package dev.drillbook.grading;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No bundled drill can score Strong without an evaluation plan (review §4.1: eight of twelve could): every drill has a
 * required evaluation key point, and a grade that misses it, or whose evaluation dimension is below solid, is capped at
 * 79 — by the judge's verdict and by the offline estimate alike.
 */
class StrongBarTest {

    private static final Pattern EVALUATION = Pattern.compile("(?i)\\b(evaluat|measur)");
    private static final List<Drill> DRILLS = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("questions", "drills"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                DRILLS.add(DrillParser.parse("questions/drills/" + f.getFileName(), Files.readString(f)).drill().orElseThrow());
            }
        }
        assertTrue(DRILLS.size() >= 20, "drills: " + DRILLS.size());
    }

    private static Drill.KeyPoint evaluationPoint(Drill d) {
        return d.keyPoints().stream().filter(k -> k.required() && EVALUATION.matcher(k.statement()).find()).findFirst()
                .orElseThrow(() -> new AssertionError(d.id() + " has no required evaluation key point"));
    }

    /** An answer that states every key point, one per paragraph, so each statement is a real quote. */
    private static String answer(Drill d) {
        return d.keyPoints().stream().map(k -> k.statement() + ".").collect(Collectors.joining("\n\n"));
    }

    /** A verdict with every dimension at {@code level} (the evaluation one at {@code evaluationLevel}) and every key point covered but {@code missed}. */
    private static Verdict verdict(Drill d, int evaluationLevel, Drill.KeyPoint missed) {
        String quote = d.keyPoints().get(0).statement() + ".";
        List<Verdict.DimensionFinding> dims = d.rubric().stream()
                .map(dim -> new Verdict.DimensionFinding(dim.id(), "critique", List.of(quote), dim.id().equals("evaluation") ? evaluationLevel : 3))
                .toList();
        List<Verdict.KeyPointFinding> points = d.keyPoints().stream()
                .map(k -> k == missed ? new Verdict.KeyPointFinding(k.id(), "missing", null) : new Verdict.KeyPointFinding(k.id(), "covered", k.statement() + "."))
                .toList();
        return new Verdict(points, dims, List.of(), List.of(), List.of(), List.of(), "high");
    }

    private static Grade judged(Drill d, int evaluationLevel, Drill.KeyPoint missed) {
        return VerdictScorer.score(d, verdict(d, evaluationLevel, missed), answer(d), new Grade.Grader("llm", "test", "LLM judge (test)"));
    }

    @Test
    void everyDrillHasARequiredEvaluationKeyPointAndAnEvaluationDimension() {
        for (Drill d : DRILLS) {
            evaluationPoint(d);
            assertTrue(d.rubric().stream().anyMatch(dim -> dim.id().equals("evaluation") && dim.weight() >= 10), d.id() + " scores evaluation");
        }
    }

    @Test
    void aJudgedAnswerWithoutAnEvaluationPlanIsNeverStrong() {
        for (Drill d : DRILLS) {
            Grade full = judged(d, 3, null);
            assertEquals(100, full.score(), d.id() + ": the control reaches Strong");
            assertEquals("Strong", full.band());

            Grade noEvaluationPoint = judged(d, 3, evaluationPoint(d));
            assertEquals(StrongBar.CAP, noEvaluationPoint.score(), d.id() + " without its evaluation key point");
            assertEquals("Solid", noEvaluationPoint.band());
            assertTrue(noEvaluationPoint.notes().stream().anyMatch(n -> n.startsWith("Capped at 79 (100 before)")), d.id() + " says why");

            for (int level : new int[] {0, 1}) {
                Grade weak = judged(d, level, null);
                assertNotEquals("Strong", weak.band(), d.id() + " with the evaluation dimension at level " + level + ": " + weak.score());
                assertTrue(weak.score() <= StrongBar.CAP);
            }
        }
    }

    @Test
    void anOfflineEstimateWithoutTheEvaluationPointIsNeverStrong() {
        for (Drill d : DRILLS) {
            Drill.KeyPoint eval = evaluationPoint(d);
            String all = answer(d);
            Grade full = OfflineEstimator.drill(d, all, GradingService.offlineGrader());
            String without = d.keyPoints().stream().filter(k -> k != eval).map(k -> k.statement() + ".").collect(Collectors.joining("\n\n"));
            Grade partial = OfflineEstimator.drill(d, without, GradingService.offlineGrader());
            assertNotEquals("covered", partial.keyPoints().stream().filter(k -> k.id().equals(eval.id())).findFirst().orElseThrow().status(),
                    d.id() + ": the estimate sees the evaluation point is not made");
            assertTrue(partial.score() != null && partial.score() <= StrongBar.CAP, d.id() + " without evaluation: " + partial.score()
                    + " (with it: " + full.score() + ")");
        }
    }

    @Test
    void theBarLeavesOtherScoresAlone() {
        List<String> notes = new ArrayList<>();
        var covered = new Grade.KeyPointGrade("k1", "Evaluates offline", true, "covered", "q", List.of());
        var missing = new Grade.KeyPointGrade("k2", "Works out the load", true, "missing", null, List.of());
        var optional = new Grade.KeyPointGrade("k3", "Mentions caching", false, "missing", null, List.of());
        var solidEval = new Grade.DimensionGrade("evaluation", "Evaluation", 15, 2, 2, "", List.of());
        assertEquals(92, StrongBar.apply(92, List.of(covered, optional), List.of(solidEval), notes), "an optional point does not block Strong");
        assertEquals(78, StrongBar.apply(78, List.of(missing), List.of(), notes), "below Strong nothing changes");
        assertEquals(List.of(), notes);
        assertEquals(79, StrongBar.apply(95, List.of(covered, missing), List.of(solidEval), notes));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("\"Works out the load\" is not covered"), notes.get(0));
    }
}
