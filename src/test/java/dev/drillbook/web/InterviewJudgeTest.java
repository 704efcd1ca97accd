package dev.drillbook.web;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.FakeOpenAi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a judge: a follow-up on the weakest dimension within the design item, then LLM grades in the report. */
@QuarkusTest
@TestProfile(JudgeTest.WithJudge.class)
class InterviewJudgeTest {

    @Test
    void followUpOnTheWeakestDimensionThenGradedByTheJudge() {
        FakeOpenAi.reset();
        // every dimension solid except deep dives (weak), whose improvement is "No threshold tuning"
        FakeOpenAi.fallback(r -> JudgeTest.verdict(2, "cosine similarity is above a tuned threshold")
                .replaceFirst("(\\{\"id\":\"deep_dives\"[^}]*\"level\":)2", "$11"));
        long id = given().contentType(ContentType.JSON).body(Map.of("custom", Map.of("drill", 1))).post("/api/interviews").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        JsonPath first = given().contentType(ContentType.JSON).body(Map.of("answer", JudgeTest.ANSWER, "done", true))
                .post("/api/interviews/" + id + "/items/0/answer").then().statusCode(200).extract().jsonPath();
        String followUp = first.getString("followUp");
        assertTrue(followUp != null && followUp.contains("No threshold tuning"), "asked from the improvement on the weakest dimension: " + followUp);
        assertEquals("open", first.getString("items[0].status"), "answered within the same item");
        JsonPath second = given().contentType(ContentType.JSON)
                .body(Map.of("answer", JudgeTest.ANSWER + "\n\n**Follow-up:** " + followUp + "\n\nWe label pairs from logs.", "done", true))
                .post("/api/interviews/" + id + "/items/0/answer").then().statusCode(200).extract().jsonPath();
        assertEquals("answered", second.getString("items[0].status"));
        assertNull(second.get("followUp"), "one follow-up per design item");
        given().post("/api/interviews/" + id + "/finish").then().statusCode(200);
        JsonPath report = Eventually.await(Duration.ofSeconds(20), () -> given().get("/api/interviews/" + id + "/report").then().statusCode(200)
                .extract().jsonPath(), j -> !j.getBoolean("grading"), "graded");
        assertEquals(62, report.getInt("items[0].grade"), "(85 × 2/3 + 15 × 1/3) / 100 = 61.7");
        assertTrue(report.getString("items[0].grader").contains(FakeOpenAi.MODEL));
        assertEquals(8, report.getList("dimensions").size(), "profile by rubric dimension");
        assertEquals(62, report.getInt("overall"));
    }
}
