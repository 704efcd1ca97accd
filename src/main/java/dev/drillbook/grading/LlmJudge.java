package dev.drillbook.grading;

import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades with an LLM and copes with what endpoints do: retries 429 and 5xx with exponential backoff, asks once for a
 * repair when the reply is not usable JSON, and otherwise fails with a reason — it never makes up a score.
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

    private final JudgeClient client;
    private final int maxRetries;
    private final Duration backoff;
    private final Sleeper sleeper;

    public LlmJudge(JudgeClient client, int maxRetries, Duration backoff, Sleeper sleeper) {
        this.client = client;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    public String model() {
        return client.model();
    }

    public Verdict gradeDrill(Drill drill, String answer, Duration timeUsed, List<GradedExample> examples, long seed) throws GradingFailed {
        return ask(JudgePrompt.drillSystem(drill.behavioral()), JudgePrompt.drillUser(drill, answer, timeUsed, examples, seed), VerdictFormat.drillSchema(),
                content -> VerdictFormat.parseDrill(content, drill));
    }

    public VerdictFormat.ConceptVerdict gradeConcept(String question, String reference, String answer) throws GradingFailed {
        return ask(JudgePrompt.conceptSystem(), JudgePrompt.conceptUser(question, reference, answer), VerdictFormat.conceptSchema(),
                VerdictFormat::parseConcept);
    }

    private <T> T ask(String system, String user, JsonSchema schema, ReplyParser<T> parser) throws GradingFailed {
        List<JudgeClient.Message> messages = new ArrayList<>(List.of(new JudgeClient.Message("system", system),
                new JudgeClient.Message("user", user)));
        String first = call(messages, schema);
        try {
            return parser.parse(first);
        } catch (VerdictFormat.InvalidVerdict invalid) {
            messages.add(new JudgeClient.Message("assistant", first));
            messages.add(new JudgeClient.Message("user", JudgePrompt.repair(invalid.getMessage())));
        }
        String second = call(messages, schema);
        try {
            return parser.parse(second);
        } catch (VerdictFormat.InvalidVerdict invalid) {
            throw new GradingFailed("The judge's reply was unusable twice (" + invalid.getMessage() + ").");
        }
    }

    private String call(List<JudgeClient.Message> messages, JsonSchema schema) throws GradingFailed {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.complete(messages, schema);
            } catch (JudgeClient.JudgeCallException e) {
                if (!e.retriable() || attempt >= maxRetries) {
                    String tries = attempt == 0 ? "" : " (after " + (attempt + 1) + " tries)";
                    throw new GradingFailed(e.getMessage() + tries);
                }
                try {
                    sleeper.sleep(backoff.multipliedBy(1L << Math.min(attempt, 6)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new GradingFailed("Grading was interrupted (the app is shutting down).");
                }
            }
        }
    }
}
