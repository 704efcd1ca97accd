package dev.drillbook.grading;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry, Retry-After, deadline and repair policy, with a scripted client and a clock the waits move (HTTP is JudgeTest's). */
class LlmJudgeTest {

    static final String GOOD = VerdictTest.json(2, "Latency drops", 2, "Latency drops", "", "high");

    /** A clock that only the judge's waits move forward. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        final List<Duration> waits = new ArrayList<>();

        void sleep(Duration d) {
            waits.add(d);
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static final class Scripted implements JudgeClient {
        final Deque<Object> replies = new ArrayDeque<>();
        final List<List<Message>> calls = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();

        @Override
        public String model() {
            return "m";
        }

        @Override
        public String complete(List<Message> messages, Schema schema, Duration timeout) throws JudgeCallException {
            calls.add(List.copyOf(messages));
            timeouts.add(timeout);
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

    static LlmJudge judge(JudgeClient client, int retries, Duration backoff, Duration deadline, FakeTime time) {
        return new LlmJudge(client, new LlmJudge.Policy(retries, backoff, Duration.ofSeconds(120), deadline), time::sleep, time);
    }

    @Test
    void backsOffExponentiallyOnRetriableFaults() throws Exception {
        Scripted client = new Scripted();
        client.replies.add(fault(JudgeClient.JudgeCallException.Kind.RATE_LIMITED));
        client.replies.add(fault(JudgeClient.JudgeCallException.Kind.SERVER));
        client.replies.add(GOOD);
        FakeTime time = new FakeTime();
        Verdict v = judge(client, 3, Duration.ofSeconds(2), Duration.ofMinutes(10), time).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        assertEquals(2, v.dimensions().get(0).level());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), time.waits);
    }

    @Test
    void honoursRetryAfterWhenItAsksForLonger() throws Exception {
        Scripted client = new Scripted();
        client.replies.add(new JudgeClient.JudgeCallException(JudgeClient.JudgeCallException.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(30), 429));
        client.replies.add(GOOD);
        FakeTime time = new FakeTime();
        judge(client, 3, Duration.ofSeconds(2), Duration.ofMinutes(10), time).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        assertEquals(List.of(Duration.ofSeconds(30)), time.waits, "Retry-After: 30 beats the 2 s backoff");
    }

    @Test
    void oneDeadlineCoversEveryCallAndWait() {
        Scripted client = new Scripted();
        client.replies.add(new JudgeClient.JudgeCallException(JudgeClient.JudgeCallException.Kind.SERVER, "The judge endpoint failed (HTTP 504)",
                Duration.ofSeconds(50), 504));
        FakeTime time = new FakeTime();
        LlmJudge.GradingFailed failed = assertThrows(LlmJudge.GradingFailed.class, () -> judge(client, 3, Duration.ofSeconds(2),
                Duration.ofSeconds(20), time).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertEquals(List.of(), time.waits, "a 50 s wait would pass the 20 s deadline: give up at once");
        assertTrue(failed.getMessage().contains("HTTP 504") && failed.getMessage().contains("deadline"), failed.getMessage());
        assertEquals(Duration.ofSeconds(20), client.timeouts.get(0), "a call never waits past the deadline");
    }

    @Test
    void givesUpAfterTheRetriesAndNeverRetriesARejectionOrARefusal() {
        Scripted client = new Scripted();
        for (int i = 0; i < 5; i++) {
            client.replies.add(fault(JudgeClient.JudgeCallException.Kind.SERVER));
        }
        LlmJudge.GradingFailed failed = assertThrows(LlmJudge.GradingFailed.class,
                () -> judge(client, 2, Duration.ofMillis(1), Duration.ofMinutes(10), new FakeTime()).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertEquals(3, client.calls.size());
        assertTrue(failed.getMessage().contains("after 3 tries"), failed.getMessage());

        for (JudgeClient.JudgeCallException.Kind kind : List.of(JudgeClient.JudgeCallException.Kind.REJECTED, JudgeClient.JudgeCallException.Kind.REFUSED)) {
            Scripted refused = new Scripted();
            refused.replies.add(fault(kind));
            assertThrows(LlmJudge.GradingFailed.class, () -> judge(refused, 3, Duration.ofMillis(1), Duration.ofMinutes(10), new FakeTime())
                    .gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
            assertEquals(1, refused.calls.size(), kind + " is not retried");
        }
    }

    @Test
    void repairsOnceWithTheProblemThenFails() throws Exception {
        Scripted client = new Scripted();
        client.replies.add("not json");
        client.replies.add(GOOD);
        judge(client, 0, Duration.ZERO, Duration.ofMinutes(10), new FakeTime()).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        List<JudgeClient.Message> repair = client.calls.get(1);
        assertEquals("assistant", repair.get(2).role());
        assertEquals("not json", repair.get(2).content());
        assertTrue(repair.get(3).content().startsWith("Your reply could not be used: the reply contains no JSON object"));

        Scripted twice = new Scripted();
        twice.replies.add("{}");
        twice.replies.add("{}");
        LlmJudge.GradingFailed f = assertThrows(LlmJudge.GradingFailed.class,
                () -> judge(twice, 0, Duration.ZERO, Duration.ofMinutes(10), new FakeTime()).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1));
        assertTrue(f.getMessage().contains("unusable twice"));
    }

    @Test
    void aThinkingBlockBeforeTheJsonIsIgnored() throws Exception {
        Scripted client = new Scripted();
        client.replies.add("<think>\nThe candidate mentions latency {not json}.\n</think>\n" + GOOD);
        Verdict v = judge(client, 0, Duration.ZERO, Duration.ofMinutes(10), new FakeTime()).gradeDrill(VerdictTest.DRILL, VerdictTest.ANSWER, null, List.of(), 1);
        assertEquals(2, v.dimensions().get(0).level());
        assertEquals(1, client.calls.size(), "no repair needed");
    }
}
