package dev.drillbook.web;

import dev.drillbook.support.FakeOpenAi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An endpoint that refuses structured output (many local servers answer {@code json_schema} with HTTP 400): the judge
 * falls back to {@code json_object}, then to the schema in the prompt, remembers what worked, and shows the endpoint's own
 * message when nothing does. Its own app (the remembered mode must not leak into JudgeTest).
 */
@QuarkusTest
@TestProfile(JudgeFallbackTest.Profile.class)
class JudgeFallbackTest {

    public static class Profile extends JudgeTest.WithJudge {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.llm.model", FakeOpenAi.MODEL);
        }
    }

    static String format(FakeOpenAi.Request r) {
        JsonNode f = r.body().get("response_format");
        return f == null ? "none" : f.get("type").asText();
    }

    @Test
    void fallsBackStepByStepAndRemembersTheModeThatWorked() {
        FakeOpenAi.reset();
        FakeOpenAi.fallback(r -> JudgeTest.verdict(2, "cosine similarity is above a tuned threshold"));
        FakeOpenAi.enqueue(FakeOpenAi.error(400, "response_format type json_schema is not supported by this server"));
        JsonPath a = JudgeTest.settled(JudgeTest.submit(JudgeTest.ANSWER));
        assertEquals("graded", a.getString("status"), a.getString("error"));
        assertEquals(List.of("json_schema", "json_object"), FakeOpenAi.requests().stream().map(JudgeFallbackTest::format).toList());

        FakeOpenAi.reset();
        FakeOpenAi.fallback(r -> JudgeTest.verdict(2, "cosine similarity is above a tuned threshold"));
        FakeOpenAi.enqueue(FakeOpenAi.error(400, "'response_format' of type 'json_object' is not supported"));
        JsonPath b = JudgeTest.settled(JudgeTest.submit(JudgeTest.ANSWER));
        assertEquals("graded", b.getString("status"), b.getString("error"));
        List<FakeOpenAi.Request> reqs = FakeOpenAi.requests();
        assertEquals(List.of("json_object", "none"), reqs.stream().map(JudgeFallbackTest::format).toList(), "json_object remembered, then the prompt");
        assertTrue(reqs.get(1).content(0).contains("JSON Schema") && reqs.get(1).content(0).contains("\"key_points\""),
                "the schema goes into the system message");

        FakeOpenAi.reset();
        FakeOpenAi.enqueue(FakeOpenAi.error(400, "This model's maximum context length is 4096 tokens"));
        JsonPath c = JudgeTest.settled(JudgeTest.submit(JudgeTest.ANSWER));
        assertEquals("failed", c.getString("status"));
        assertTrue(c.getString("error").contains("HTTP 400") && c.getString("error").contains("maximum context length is 4096 tokens"),
                "the endpoint's own message (issue 21: only \"the request was rejected\"): " + c.getString("error"));
        assertNull(c.get("score"));
        assertEquals(List.of("none"), FakeOpenAi.requests().stream().map(JudgeFallbackTest::format).toList(), "nothing left to fall back to");
    }
}
