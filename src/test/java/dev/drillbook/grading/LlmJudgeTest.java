package dev.drillbook.grading;

import dev.langchain4j.model.chat.request.json.JsonSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry and repair policy, with a scripted client and a recorded clock (the HTTP side is JudgeTest's). */
class LlmJudgeTest {

    static final String GOOD = VerdictTest.json(2, "Latency drops", 2, "Latency drops", "", "high");

    static final class Scripted implements JudgeClient {
        final Deque<Object> replies = new ArrayDeque<>();
        final List<List<Message>> calls = new ArrayList<>();

        @Override
        public String model() {
            return "m";
        }

        @Override
        public String complete(List<Message> messages, JsonSchema schema) throws JudgeCallException {
            calls.add(List.copyOf(messages));
            Object r = replies.poll();
            if (r instanceof JudgeCallException e) {
                throw e;
            }
            return (String) r;
        }
    }

    static JudgeClient.JudgeCallException fault(JudgeClient.JudgeCallException.Kind kind) {
        return new JudgeClient.JudgeCallException(kind, "fault " + kind, null);
    }

    @Test
    void backsOffExponentiallyOnRetriableFaults() throws Exception {
        Scripted client = new Scripted();
        client.replies.add(fault(JudgeClient.JudgeCallException.Kind.RATE_LIMITED));
        client.replies.add(fault(JudgeClient.JudgeCallException.Kind.SERVER));
        client.replies.add(GOOD);
        List<Duration> waits = new ArrayList<>();
        LlmJudge judge = new LlmJudge(client, 3, Duration.ofSeconds(2), waits::add);
        Verdict v = judge.gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        assertEquals(2, v.dimensions().get(0).level());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void givesUpAfterTheRetriesAndNeverRetriesARejection() {
        Scripted client = new Scripted();
        for (int i = 0; i < 5; i++) {
            client.replies.add(fault(JudgeClient.JudgeCallException.Kind.SERVER));
        }
        LlmJudge judge = new LlmJudge(client, 2, Duration.ofMillis(1), d -> { });
        LlmJudge.GradingFailed failed = assertThrows(LlmJudge.GradingFailed.class,
                () -> judge.gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertEquals(3, client.calls.size());
        assertTrue(failed.getMessage().contains("after 3 tries"), failed.getMessage());

        Scripted refused = new Scripted();
        refused.replies.add(fault(JudgeClient.JudgeCallException.Kind.REJECTED));
        assertThrows(LlmJudge.GradingFailed.class,
                () -> new LlmJudge(refused, 3, Duration.ofMillis(1), d -> { }).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertEquals(1, refused.calls.size());
    }

    @Test
    void repairsOnceWithTheProblemThenFails() throws Exception {
        Scripted client = new Scripted();
        client.replies.add("not json");
        client.replies.add(GOOD);
        LlmJudge judge = new LlmJudge(client, 0, Duration.ZERO, d -> { });
        judge.gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        List<JudgeClient.Message> repair = client.calls.get(1);
        assertEquals("assistant", repair.get(2).role());
        assertEquals("not json", repair.get(2).content());
        assertTrue(repair.get(3).content().startsWith("Your reply could not be used: the reply contains no JSON object"));

        Scripted twice = new Scripted();
        twice.replies.add("{}");
        twice.replies.add("{}");
        LlmJudge.GradingFailed f = assertThrows(LlmJudge.GradingFailed.class,
                () -> new LlmJudge(twice, 0, Duration.ZERO, d -> { }).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertTrue(f.getMessage().contains("unusable twice"));
    }
}
