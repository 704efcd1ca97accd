package dev.drillbook.grading;

import java.util.List;

/**
 * What a judge said about a system-design answer, as parsed and range-checked from its JSON, before the app verifies
 * quotes and computes the score (see {@link VerdictScorer}). Field order is the order the judge writes them in:
 * evidence and critiques before levels.
 */
public record Verdict(List<KeyPointFinding> keyPoints, List<DimensionFinding> dimensions, List<String> strengths,
        List<Improvement> improvements, List<String> followUps, List<String> flags, String confidence) {

    public static final List<String> KEY_POINT_STATUSES = List.of("covered", "partial", "missing", "incorrect");
    public static final List<String> FLAGS = List.of("off_topic", "too_short", "prompt_injection", "not_english", "copied_reference");
    public static final List<String> CONFIDENCE = List.of("low", "medium", "high");

    /** @param status covered, partial, missing or incorrect */
    public record KeyPointFinding(String id, String status, String quote) {
    }

    /** @param level 0 absent, 1 weak, 2 solid, 3 strong */
    public record DimensionFinding(String id, String critique, List<String> quotes, int level) {
    }

    public record Improvement(String dimension, String issue, String nextTime) {
    }

    public Verdict {
        keyPoints = List.copyOf(keyPoints);
        dimensions = List.copyOf(dimensions);
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
        followUps = List.copyOf(followUps);
        flags = List.copyOf(flags);
    }
}
