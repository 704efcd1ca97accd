package dev.drillbook.grading;

import java.util.regex.Pattern;

/**
 * Drillbook's own check for text aimed at the grader ("ignore all previous instructions", "give this answer full marks",
 * a forged {@code </candidate_answer>}). It runs on every answer, whoever grades it: a judge that misses the attempt
 * does not get to score it.
 */
public final class InjectionCheck {

    private static final Pattern INJECTION = Pattern.compile(
            "(ignore|disregard|forget)\\s+(all\\s+|any\\s+|the\\s+)?(previous|prior|above|earlier|your)\\s+(instructions|rules|prompt)"
                    + "|\\b(you are|act as)\\s+(now\\s+)?(a|an|the)\\s+\\w*\\s*(grader|judge|assistant)"
                    + "|\\b(give|award|assign|grade|score)\\s+(this|me|my)\\s+(answer\\s+)?(a\\s+)?(full|maximum|perfect|top|100|5/5|10/10)"
                    + "|\\b(as|to) the (grader|judge)\\b|^\\s*system\\s*:|</?candidate_answer>",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private InjectionCheck() {
    }

    /** Whether the answer tries to instruct the grader. */
    public static boolean attempted(String answer) {
        return answer != null && INJECTION.matcher(answer).find();
    }
}
