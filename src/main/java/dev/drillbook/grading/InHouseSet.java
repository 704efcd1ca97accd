package dev.drillbook.grading;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drillbook's own human-graded answers to the bundled drills (strong, solid, weak, padded, off-topic and injection
 * attempts), written and graded for this project. They calibrate graders and serve as the judge's graded examples.
 */
public final class InHouseSet {

    static final String RESOURCE = "/calibration/drill-answers.yaml";

    private static volatile List<GradedExample> cached;

    private InHouseSet() {
    }

    public static List<GradedExample> all() {
        List<GradedExample> c = cached;
        if (c == null) {
            try (InputStream in = InHouseSet.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                c = parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cached = c;
        }
        return c;
    }

    /** Examples for the judge: graded answers to the same drill (not injection or off-topic ones), at most {@code max}. */
    public static List<GradedExample> examplesFor(String drillId, String exceptAnswer, int max) {
        return all().stream()
                .filter(e -> e.drillId().equals(drillId) && e.score() != null && !e.answer().strip().equals(exceptAnswer.strip()))
                .filter(e -> List.of("strong", "solid", "weak").contains(e.kind()))
                .limit(max).toList();
    }

    /**
     * Held-out examples for calibrating a judge on the in-house set: graded answers to <em>other</em> drills, so no answer is
     * graded with its own drill's graded answers in view (which would tell the judge the scale of the very drill measured).
     */
    public static List<GradedExample> heldOutExamples(String drillId, int max) {
        List<GradedExample> others = all().stream()
                .filter(e -> !e.drillId().equals(drillId) && e.score() != null && List.of("strong", "solid", "weak").contains(e.kind())).toList();
        // one of each kind, from different drills: the scale without the drill's own answers
        List<GradedExample> out = new ArrayList<>();
        for (String kind : List.of("strong", "solid", "weak")) {
            others.stream().filter(e -> e.kind().equals(kind) && out.stream().noneMatch(o -> o.drillId().equals(e.drillId()))).findFirst()
                    .ifPresent(out::add);
        }
        return out.subList(0, Math.min(max, out.size()));
    }

    @SuppressWarnings("unchecked")
    static List<GradedExample> parse(InputStream in) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        List<GradedExample> out = new ArrayList<>();
        for (Object o : (List<Object>) root) {
            Map<String, Object> m = (Map<String, Object>) o;
            Object score = m.get("score");
            out.add(new GradedExample(String.valueOf(m.get("id")), String.valueOf(m.get("drill")), String.valueOf(m.get("kind")),
                    score == null ? null : ((Number) score).intValue(), String.valueOf(m.get("rationale")).strip(),
                    String.valueOf(m.get("answer"))));
        }
        return List.copyOf(out);
    }
}
