package dev.drillbook.backup;

import dev.drillbook.support.Eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export everything, restore into a database that knows nothing (with other card ids), restore again: no duplicates. */
@QuarkusTest
class BackupTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void roundTripIntoAnEmptyDatabaseAndRestoringTwiceDuplicatesNothing() throws Exception {
        // other test classes share this database: put everything back as it was afterwards (with a backup, of course)
        JsonNode pristine = JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        try {
            roundTrip();
        } finally {
            wipeHistory();
            restore(pristine);
        }
    }

    private void roundTrip() throws Exception {
        // some history: an answer, a graded free-text answer, a finished mock interview
        String card = given().get("/api/cards?deck=rag").then().statusCode(200).extract().jsonPath().getString("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("rating", "good")).post("/api/cards/" + card + "/reviews").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", "q?", "reference", "retrieval augmented generation", "answer",
                "generation augmented by retrieval", "cardId", card)).post("/api/grade").then().statusCode(200);
        long session = given().contentType(ContentType.JSON).body(Map.of("custom", Map.of("concept", 1, "tags", List.of("rag"))))
                .post("/api/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("answer", "an answer", "done", true)).post("/api/interviews/" + session + "/items/0/answer")
                .then().statusCode(200);
        given().post("/api/interviews/" + session + "/finish").then().statusCode(200);
        Eventually.await(Duration.ofSeconds(15), () -> given().get("/api/interviews/" + session + "/report").then().extract().jsonPath(),
                j -> !j.getBoolean("grading"), "session graded");

        JsonNode before = JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        assertEquals("drillbook-backup", before.get("format").asText());
        assertTrue(before.get("reviewLog").size() >= 1 && before.get("attempts").size() >= 2 && before.get("sessions").size() >= 1);

        JsonPath same = restore(before);
        assertEquals(0, same.getInt("reviewsAdded") + same.getInt("attemptsAdded") + same.getInt("sessionsAdded"),
                "restoring into the database it came from adds nothing");

        // another machine: the same card files, other card ids, and no history at all
        ObjectNode moved = (ObjectNode) JSON.readTree(before.toString().replaceAll("([\"|])([0-9a-f]{12})([\"|])", "$1x$2$3"));
        wipeHistory();
        JsonPath first = restore(moved);
        assertEquals(before.get("cards").size(), first.getInt("cardsUpdated"), "matched by file and content, not by id");
        assertEquals(0, first.getInt("cardsAdded"));
        assertEquals(before.get("reviewLog").size(), first.getInt("reviewsAdded"));
        assertEquals(before.get("attempts").size(), first.getInt("attemptsAdded"));
        assertEquals(before.get("sessions").size(), first.getInt("sessionsAdded"));

        JsonPath second = restore(moved);
        assertEquals(0, second.getInt("reviewsAdded") + second.getInt("attemptsAdded") + second.getInt("sessionsAdded"));
        assertEquals(before.get("reviewLog").size(), second.getInt("reviewsSkipped"));

        JsonNode after = JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        assertEquals(schedules(before), schedules(after), "every card's schedule is back");
        assertEquals(strip(before.get("reviewLog"), "id"), strip(after.get("reviewLog"), "id"));
        assertEquals(strip(before.get("attempts"), "id"), strip(after.get("attempts"), "id"));
        assertEquals(strip(before.get("sessions"), "id"), strip(after.get("sessions"), "id"));
        assertEquals(1, given().get("/api/cards/" + card).then().extract().jsonPath().getInt("reps"), "the answer counts again");
        JsonPath report = given().get("/api/interviews/" + given().get("/api/interviews").then().extract().jsonPath().getLong("[0].id") + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("finished", report.getString("status"));
        assertTrue(report.get("items[0].grade") != null, "the session's item still points at its grade");
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        given().contentType(ContentType.JSON).body(Map.of("format", "anki")).post("/api/backup").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("format", "drillbook-backup", "version", 99)).post("/api/backup").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/backup").then().statusCode(400);
    }

    static JsonPath restore(JsonNode doc) {
        return given().contentType(ContentType.JSON).body(doc.toString()).post("/api/backup").then().statusCode(200).extract().jsonPath();
    }

    void wipeHistory() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String sql : List.of("DELETE FROM interview_item", "DELETE FROM interview_session", "DELETE FROM attempt", "DELETE FROM drill_draft",
                    "DELETE FROM review_log",
                    "UPDATE card SET queue = 0, state = 'NEW', step = 0, stability = 0, difficulty = 0, due = NULL, last_review = NULL, reps = 0, lapses = 0 WHERE queue <> -3")) {
                em.createNativeQuery(sql).executeUpdate();
            }
        });
    }

    /** Card schedules by identity (file + fingerprint), ids left out. */
    static Map<String, String> schedules(JsonNode doc) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : doc.get("cards")) {
            ObjectNode o = ((ObjectNode) c).deepCopy();
            o.remove("id");
            out.put(c.get("source").asText() + "|" + c.get("fingerprint").asText(), o.toString());
        }
        return out;
    }

    static String strip(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : array) {
            ObjectNode o = ((ObjectNode) n).deepCopy();
            o.remove(field);
            o.remove("cardId");
            out.add(o.toString().replaceAll("\"refId\":\"x?([0-9a-f]{12})\"", "\"refId\":\"\""));
        }
        return out.toString();
    }
}
