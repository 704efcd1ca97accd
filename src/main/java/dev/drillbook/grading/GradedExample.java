package dev.drillbook.grading;

/**
 * A human-graded answer to a drill: shown to the judge as an example and used to measure graders.
 *
 * @param kind strong, solid, weak, padded, off_topic or injection: what the answer is meant to test
 * @param score the human grade, 0–100 (null for an injection attempt, where the right outcome is no score)
 * @param rationale why it earns that grade, in a sentence or two
 */
public record GradedExample(String id, String drillId, String kind, Integer score, String rationale, String answer) {
}
