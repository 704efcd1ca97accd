package dev.drillbook.grading;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The human-graded calibration set (issue 23, review §4.3): every bundled drill has graded answers spread over the
 * whole range, each score is the drill's own rubric applied to the grader's levels, and length does not predict score.
 */
class CalibrationSetTest {

    /** One answer of the YAML file, with the per-dimension levels {@link GradedExample} does not carry. */
    record Row(String id, String drill, String kind, Integer score, Map<String, Integer> levels, int words) {
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final Map<String, Drill> DRILLS = new TreeMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (InputStream in = CalibrationSetTest.class.getResourceAsStream(InHouseSet.RESOURCE)) {
            for (Object o : (List<Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in)) {
                Map<String, Object> m = (Map<String, Object>) o;
                ROWS.add(new Row((String) m.get("id"), (String) m.get("drill"), (String) m.get("kind"), (Integer) m.get("score"),
                        (Map<String, Integer>) m.get("levels"), Terms.wordCount((String) m.get("answer"))));
            }
        }
        try (Stream<Path> files = Files.list(Path.of("questions", "drills"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Drill d = DrillParser.parse("questions/drills/" + f.getFileName(), Files.readString(f)).drill().orElseThrow();
                DRILLS.put(d.id(), d);
            }
        }
    }

    private static List<Row> scored() {
        return ROWS.stream().filter(r -> r.score() != null).toList();
    }

    @Test
    void theParserReadsTheSameAnswers() {
        assertEquals(ROWS.size(), InHouseSet.all().size());
        Set<String> ids = new HashSet<>();
        ROWS.forEach(r -> assertTrue(ids.add(r.id()), "duplicate id " + r.id()));
    }

    @Test
    void everyBundledDrillHasAtLeastSixGradedAnswersFromWeakToStrong() {
        assertTrue(DRILLS.size() >= 20, "bundled drills: " + DRILLS.size());
        for (String drill : DRILLS.keySet()) {
            List<Integer> scores = scored().stream().filter(r -> r.drill().equals(drill)).map(Row::score).sorted().toList();
            assertTrue(scores.size() >= 6, drill + " has " + scores);
            assertTrue(scores.get(0) < 40 && scores.get(scores.size() - 1) >= 80, drill + " spans weak to strong: " + scores);
            assertTrue(scores.stream().anyMatch(s -> s >= 40 && s < 80), drill + " has a middle answer: " + scores);
        }
        ROWS.forEach(r -> assertTrue(DRILLS.containsKey(r.drill()), r.id() + " answers an unknown drill " + r.drill()));
    }

    @Test
    void eachScoreIsTheDrillsRubricAppliedToTheLevels() {
        for (Row r : ROWS) {
            if (r.score() == null) {
                assertEquals("injection", r.kind(), r.id() + ": only an injection attempt has no score");
                continue;
            }
            Drill d = DRILLS.get(r.drill());
            assertEquals(d.rubric().stream().map(Drill.Dimension::id).toList(), List.copyOf(r.levels().keySet()),
                    r.id() + " grades every dimension of " + d.id() + "'s rubric, in order");
            double weighted = 0;
            double weights = 0;
            for (Drill.Dimension dim : d.rubric()) {
                int level = r.levels().get(dim.id());
                assertTrue(level >= 0 && level <= 3, r.id() + " " + dim.id() + " level " + level);
                weighted += dim.weight() * level / 3.0;
                weights += dim.weight();
            }
            assertEquals((int) Math.round(100 * weighted / weights), r.score(), r.id() + ": score = weighted mean of levels / 3 × 100");
        }
    }

    @Test
    void kindsAgreeWithScoresAndNoStrongAnswerLacksAnEvaluationPlan() {
        for (Row r : scored()) {
            int s = r.score();
            boolean ok = switch (r.kind()) {
                case "strong" -> s >= 80;
                case "solid" -> s >= 60 && s < 80;
                case "developing" -> s >= 40 && s < 60;
                case "weak", "padded" -> s < 40;
                case "fluent_wrong" -> s < 60 && r.words() >= 250;
                case "off_topic" -> s < 10;
                default -> false;
            };
            assertTrue(ok, r.id() + ": kind " + r.kind() + " with score " + s + " and " + r.words() + " words");
            if (s >= 80) {
                assertTrue(r.levels().get("evaluation") >= 2, r.id() + " is strong with evaluation level " + r.levels().get("evaluation"));
            }
        }
    }

    @Test
    void scoresSpreadOverTheWholeRangeWithoutClusters() {
        int[] deciles = new int[10];
        scored().forEach(r -> deciles[Math.min(r.score() / 10, 9)]++);
        for (int i = 0; i < 10; i++) {
            assertTrue(deciles[i] >= 5, "answers scored " + (i * 10) + "–" + (i * 10 + 9) + ": " + deciles[i]);
        }
        assertTrue(scored().stream().anyMatch(r -> r.score() > 90), "some answers above 90");
    }

    @Test
    void lengthDoesNotPredictScore() {
        List<Row> rows = scored();
        double[] words = rows.stream().mapToDouble(Row::words).toArray();
        double[] scores = rows.stream().mapToDouble(Row::score).toArray();
        double r = pearson(words, scores);
        assertTrue(Math.abs(r) < 0.3, "Pearson(words, score) = " + r);
        // the review's two counter-examples exist on every drill: a long answer with a critical error, and a short good one
        for (String drill : DRILLS.keySet()) {
            List<Row> own = rows.stream().filter(x -> x.drill().equals(drill)).toList();
            double median = own.stream().mapToInt(Row::words).sorted().skip(own.size() / 2).findFirst().orElseThrow();
            assertTrue(own.stream().anyMatch(x -> x.kind().equals("fluent_wrong") && x.words() >= median),
                    drill + " has a fluent but wrong answer at least as long as its median answer");
            assertTrue(own.stream().anyMatch(x -> x.score() >= 60 && x.words() < median),
                    drill + " has a solid or strong answer shorter than its median answer");
        }
    }

    static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
