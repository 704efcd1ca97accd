package dev.drillbook.grading;

import java.util.regex.Pattern;

/**
 * Drillbook's own check for text aimed at the grader ("ignore all previous instructions", "give this answer full marks",
 * a forged {@code </candidate_answer>}). It runs on every answer, whoever grades it: a judge that misses the attempt
 * does not get to score it. Phrases inside quotation marks or code spans are not counted, so an answer may name
 * jailbreak phrases it would block, or quote its own system prompt ("You are the assistant for…"); a forged delimiter
 * counts wherever it is.
 */
public final class InjectionCheck {

    private static final Pattern INJECTION = Pattern.compile(
            "(ignore|disregard|forget)\\s+(all\\s+|any\\s+|the\\s+)?(previous|prior|above|earlier|your)\\s+(instructions|rules|prompt)"
                    + "|\\b(you are|act as)\\s+(now\\s+)?(a|an|the)\\s+\\w*\\s*(grader|judge|assistant)"
                    + "|\\b(give|award|assign|grade|score)\\s+(this|me|my)\\s+(answer\\s+)?(a\\s+)?(full|maximum|perfect|top|100|5/5|10/10)"
                    + "|\\b(as|to) the (grader|judge)\\b|^\\s*system\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern FORGED_DELIMITER = Pattern.compile("</?candidate_answer>", Pattern.CASE_INSENSITIVE);
    /** A quotation ("…", “…”) or code span on one line: what the answer talks about rather than says. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]*\"|“[^”\\n]*”|`[^`\\n]*`");

    private InjectionCheck() {
    }

    /** Whether the answer tries to instruct the grader. */
    public static boolean attempted(String answer) {
        return answer != null && (FORGED_DELIMITER.matcher(answer).find() || INJECTION.matcher(QUOTED.matcher(answer).replaceAll(" ")).find());
    }
}
