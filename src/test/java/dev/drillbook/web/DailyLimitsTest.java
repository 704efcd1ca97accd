package dev.drillbook.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily new-card limit: after two new cards, the queue is empty until the next study day. */
@QuarkusTest
@TestProfile(DailyLimitsTest.TwoNewCardsADay.class)
class DailyLimitsTest {

    public static class TwoNewCardsADay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.srs.new-per-day", "2", "drillbook.srs.time-zone", "UTC", "drillbook.srs.day-starts-at", "4");
        }
    }

    @Test
    void newCardsStopAtTheLimitAndComeBackTomorrow() {
        JsonPath first = given().get("/api/review/next?deck=rag").then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getInt("newLeft"));
        for (int i = 0; i < 2; i++) {
            JsonPath next = given().get("/api/review/next?deck=rag").then().statusCode(200).extract().jsonPath();
            assertEquals("new", next.getString("card.state"));
            given().contentType(ContentType.JSON).body("{\"rating\": \"easy\"}").post("/api/cards/" + next.getString("card.id") + "/reviews")
                    .then().statusCode(200);
        }
        JsonPath done = given().get("/api/review/next?deck=rag").then().statusCode(200).extract().jsonPath();
        assertNull(done.get("card"), "the limit of two new cards is reached although two more are new");
        assertEquals(0, done.getInt("newLeft"));
        Instant nextDue = Instant.parse(done.getString("nextDue"));
        assertNotNull(nextDue);
        assertEquals(4, nextDue.atZone(java.time.ZoneOffset.UTC).getHour(), "tomorrow's study day starts at 4 am");
        assertTrue(nextDue.isAfter(Instant.now()));

        // undoing an answer gives the new card back today
        given().post("/api/review/undo").then().statusCode(200);
        assertEquals(1, given().get("/api/review/next?deck=rag").then().extract().jsonPath().getInt("newLeft"));
    }
}
