package dev.drillbook.grading;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades with an LLM and copes with what endpoints do: retries 429 and 5xx with exponential backoff, waiting at least as
 * long as the endpoint's {@code Retry-After}; asks once for a repair when the reply is not usable JSON; keeps every answer
 * within one overall deadline (all calls, waits and the repair together); otherwise fails with the reason — it never makes
 * up a score.
 *
 * <p>Why not SmallRye Fault Tolerance's {@code @Retry}: its delays are fixed or exponential, while a 429 names its own
 * wait, and the deadline here spans retries and the repair request; both are a few lines in this loop.
 */
public final class LlmJudge {

    /** Waits between retries; a parameter so tests need not sleep for real. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Grading failed for a reason the user can read; the attempt keeps its answer and can be regraded. */
    public static final class GradingFailed extends Exception {
        public GradingFailed(String message) {
            super(message);
        }
    }

    /** What a reply parser does: turn the text into a value, or explain what is wrong with it. */
    public interface ReplyParser<T> {
        T parse(String content) throws VerdictFormat.InvalidVerdict;
    }

    /** Retry and time settings (from {@code drillbook.llm.*}). */
    public record Policy(int maxRetries, Duration backoff, Duration callTimeout, Duration deadline) {
    }

    private final JudgeClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    public LlmJudge(JudgeClient client, Policy policy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public String model() {
        return client.model();
    }

    public JudgeClient client() {
        return client;
    }

    public Verdict gradeDrill(Drill drill, String answer, Duration timeUsed, List<GradedExample> examples, long seed) throws GradingFailed {
        return ask(JudgePrompt.drillSystem(drill.behavioral()), JudgePrompt.drillUser(drill, answer, timeUsed, examples, seed), VerdictFormat.drillSchema(),
                content -> VerdictFormat.parseDrill(content, drill));
    }

    public VerdictFormat.ConceptVerdict gradeConcept(String question, String reference, String answer) throws GradingFailed {
        return ask(JudgePrompt.conceptSystem(), JudgePrompt.conceptUser(question, reference, answer), VerdictFormat.conceptSchema(),
                VerdictFormat::parseConcept);
    }

    private <T> T ask(String system, String user, JudgeClient.Schema schema, ReplyParser<T> parser) throws GradingFailed {
        Instant deadline = clock.instant().plus(policy.deadline());
        List<JudgeClient.Message> messages = new ArrayList<>(List.of(new JudgeClient.Message("system", system),
                new JudgeClient.Message("user", user)));
        String first = call(messages, schema, deadline);
        try {
            return parser.parse(first);
        } catch (VerdictFormat.InvalidVerdict invalid) {
            messages.add(new JudgeClient.Message("assistant", first));
            messages.add(new JudgeClient.Message("user", JudgePrompt.repair(invalid.getMessage())));
        }
        String second = call(messages, schema, deadline);
        try {
            return parser.parse(second);
        } catch (VerdictFormat.InvalidVerdict invalid) {
            throw new GradingFailed("The judge's reply was unusable twice (" + invalid.getMessage() + ").");
        }
    }

    private String call(List<JudgeClient.Message> messages, JudgeClient.Schema schema, Instant deadline) throws GradingFailed {
        for (int attempt = 0; ; attempt++) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new GradingFailed("No verdict within the deadline of " + policy.deadline().toSeconds() + " s per answer (drillbook.llm.deadline).");
            }
            try {
                return client.complete(messages, schema, left.compareTo(policy.callTimeout()) < 0 ? left : policy.callTimeout());
            } catch (JudgeClient.JudgeCallException e) {
                String tries = attempt == 0 ? "" : " (after " + (attempt + 1) + " tries)";
                if (!e.retriable() || attempt >= policy.maxRetries()) {
                    throw new GradingFailed(e.getMessage() + tries);
                }
                Duration wait = policy.backoff().multipliedBy(1L << Math.min(attempt, 6));
                if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
                    wait = e.retryAfter();
                }
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw new GradingFailed(e.getMessage() + tries + "; waiting " + Math.max(1, wait.toSeconds())
                            + " s more would pass the deadline of " + policy.deadline().toSeconds() + " s per answer.");
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new GradingFailed("Grading was interrupted (the app is shutting down).");
                }
            }
        }
    }
}
