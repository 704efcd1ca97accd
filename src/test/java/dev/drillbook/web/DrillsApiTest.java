package dev.drillbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drills from the fixture questions folder; a malformed one is a problem, not a crash. */
@QuarkusTest
class DrillsApiTest {

    @Test
    void listsDrillsWithRubricAndKeyPoints() {
        JsonPath list = given().get("/api/drills").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("cache-drill"), list.getList("id"));
        assertEquals("mid", list.getString("[0].level"));
        assertEquals(30, list.getInt("[0].timeLimitMinutes"));
        assertEquals(List.of(true, false), list.getList("[0].keyPoints.required"));
        assertEquals(8, list.getList("[0].rubric").size(), "the default rubric");
        assertEquals("requirements", list.getString("[0].rubric[0].id"));
        assertEquals(15.0, list.getDouble("[0].rubric[0].weight"));
        JsonPath one = given().get("/api/drills/cache-drill").then().statusCode(200).extract().jsonPath();
        assertTrue(one.getString("prompt").contains("$10^6$"));
        assertEquals(List.of("How do you invalidate entries?"), one.getList("followUps"));
        given().get("/api/drills/nope").then().statusCode(404).body("detail", containsString("nope"));
    }

    @Test
    void malformedDrillsAreReportedOnTheProblemsPage() {
        given().get("/api/problems").then().statusCode(200)
                .body("findAll { it.path == 'questions/drill.md' }.kind", hasItem("drill-format"));
    }
}
