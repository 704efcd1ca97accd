package dev.drillbook.web;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cards from the fixture questions folder through the JSON API: listing, answering, bad input, undo, live edits. */
@QuarkusTest
@QuarkusTestResource(VaultTestResource.class)
class CardsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<Map<String, Object>> cards(String query) {
        return given().get("/api/cards" + query).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> cardWithFront(String query, String front) {
        return cards(query).stream().filter(c -> front.equals(c.get("front"))).findFirst()
                .orElseThrow(() -> new AssertionError("no card " + front + " in " + cards(query)));
    }

    private static JsonPath review(String id, String body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/api/cards/" + id + "/reviews")
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void cardsComeFromQuestionFilesWithDecksTagsAndNotes() {
        List<Map<String, Object>> rag = cards("?deck=rag");
        assertEquals(4, rag.size(), "::: makes two cards: " + rag);
        Map<String, Object> baseline = cardWithFront("?deck=rag", "What is a good first baseline for retrieval?");
        assertEquals(List.of("rag", "retrieval"), baseline.get("tags"));
        assertEquals("new", baseline.get("state"));
        assertEquals("rag/Retrieval Basics.md", ((List<Map<String, Object>>) baseline.get("notes")).get(0).get("path"));
        Map<String, Object> reversed = cardWithFront("?deck=rag", "Retrieval-augmented generation");
        assertEquals("What does RAG stand for?", reversed.get("back"));

        List<Map<String, Object>> attention = cards("?deck=attention");
        assertEquals(3, attention.size(), "a one-line card, a multi-line card and a cloze; nothing from comments or code: " + attention);
        assertTrue(attention.stream().allMatch(c -> ((List<?>) c.get("notes")).size() == 1), "front-matter notes: link applies");
        assertTrue(cards("?tag=fusion").size() == 1);
        assertTrue(cards("?deck=drill").isEmpty(), "drills are not card files");
        given().get("/api/cards/nope").then().statusCode(404).body("detail", containsString("nope"));
    }

    @Test
    void questionFilesAreShownReadOnlyAndConfined() {
        given().get("/questions/broken.md").then().statusCode(200)
                .body(containsString("id=\"L5\""), containsString("A question without an answer ::"));
        given().get("/questions").then().statusCode(200).body(containsString("/questions/rag.md"));
        // escapes that a client would not normalise away
        given().urlEncodingEnabled(false).get("/questions/drills/..%2F..%2Fnotes/index.md").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/questions/..%2F..%2Fpom.xml").then().statusCode(404);
        given().urlEncodingEnabled(false).get("/questions/%2e%2e/%2e%2e/pom.xml").then().statusCode(404);
        given().get("/questions/nope.md").then().statusCode(404);
        JsonPath next = given().get("/api/review/next?deck=rag").then().extract().jsonPath();
        assertTrue(next.getString("view.sourceUrl").startsWith("/questions/rag.md#L"), next.getString("view.sourceUrl"));
    }

    @Test
    void problemsOfADeletedCardFileGoWithIt() throws IOException {
        Path file = VaultTestResource.questions().resolve("short-lived.md");
        Files.writeString(file, "An unanswered question ::\n");
        Eventually.await(WAIT, () -> given().get("/api/problems").then().extract().jsonPath().getList("path"),
                p -> p.contains("questions/short-lived.md"), "the problem to be listed");
        Files.delete(file);
        Eventually.await(WAIT, () -> given().get("/api/problems").then().extract().jsonPath().getList("path"),
                p -> !p.contains("questions/short-lived.md"), "the problem to go with the file");
    }

    @Test
    void cardFileProblemsAreListed() {
        given().get("/api/problems").then().statusCode(200)
                .body("findAll { it.path == 'questions/broken.md' }.kind", org.hamcrest.Matchers.hasItem("card-incomplete"));
    }

    @Test
    void answeringSchedulesWithFsrsAndBadInputChangesNothing() {
        String id = (String) cardWithFront("?deck=rag", "What does RAG stand for?").get("id");
        JsonPath good = review(id, "{\"rating\": \"good\"}", 200);
        assertEquals("learning", good.getString("state"));
        assertEquals(1, good.getInt("step"));
        assertEquals(2.3065, good.getDouble("stability"), 1e-4);
        Instant due = Instant.parse(good.getString("due"));
        long minutes = Duration.between(Instant.now(), due).toMinutes();
        assertTrue(minutes >= 9 && minutes <= 10, "Good on a new card waits 10 minutes, got " + minutes);

        review(id, "{\"rating\": \"meh\"}", 400).getString("detail").contains("again, hard, good or easy");
        review(id, "{\"rating\": 7}", 400);
        review(id, "{}", 400);
        assertTrue(review(id, "{\"rating\": \"easy\", \"reviewedAt\": \"yesterday\"}", 400).getString("detail").contains("ISO-8601"));
        assertTrue(review(id, "{\"rating\": 3, \"reviewedAt\": \"2020-01-01T00:00:00Z\"}", 400).getString("detail")
                .contains("earlier than this card's last review"));
        given().contentType(ContentType.JSON).body("{not json").post("/api/cards/" + id + "/reviews").then().statusCode(400);
        review("no-such-card", "{\"rating\": \"good\"}", 404);
        JsonPath after = given().get("/api/cards/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(1, after.getInt("reps"), "bad requests left the card unchanged");
        assertEquals(due, Instant.parse(after.getString("due")));

        List<Map<String, Object>> log = given().get("/api/cards/" + id + "/reviews").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, log.size());
        assertEquals(3, log.get(0).get("rating"));
    }

    @Test
    void reviewedAtImportsHistoryInOrder() {
        String id = (String) cardWithFront("?deck=rag", "Which fusion method combines ranked lists by 1/(k + rank)?").get("id");
        Instant start = Instant.parse("2022-11-29T12:30:00Z");
        review(id, "{\"rating\": \"good\", \"reviewedAt\": \"" + start + "\"}", 200);
        JsonPath second = review(id, "{\"rating\": 3, \"reviewedAt\": \"" + start.plusSeconds(600) + "\"}", 200);
        assertEquals("review", second.getString("state"));
        assertEquals(start.plusSeconds(600).plus(Duration.ofDays(2)), Instant.parse(second.getString("due")),
                "the reference vector's second step: 2 days (fuzz does not touch intervals under 2.5 days)");
    }

    @Test
    void undoRestoresThePreviousSchedule() {
        String id = (String) cardWithFront("?deck=attention", "What is the scaling factor in scaled dot-product attention?").get("id");
        JsonPath before = given().get("/api/cards/" + id).then().extract().jsonPath();
        review(id, "{\"rating\": \"again\"}", 200);
        review(id, "{\"rating\": \"good\"}", 200);
        JsonPath undone = given().post("/api/review/undo").then().statusCode(200).extract().jsonPath();
        assertEquals(id, undone.getString("id"));
        assertEquals(1, undone.getInt("reps"));
        JsonPath twice = given().post("/api/review/undo").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getString("state"), twice.getString("state"));
        assertEquals(0, twice.getInt("reps"));
        List<Map<String, Object>> log = given().get("/api/cards/" + id + "/reviews").then().extract().jsonPath().getList("$");
        assertEquals(2, log.size(), "undo keeps the log rows");
        assertTrue(log.stream().allMatch(r -> Boolean.TRUE.equals(r.get("undone"))));
    }

    @Test
    void nextCardShowsIntervalsOnEveryButton() {
        JsonPath next = given().get("/api/review/next?deck=attention").then().statusCode(200).extract().jsonPath();
        assertNotNull(next.getString("card.id"));
        assertEquals(List.of("again", "hard", "good", "easy"), next.getList("buttons.rating"));
        assertFalse(next.getList("buttons.interval").contains(""));
        assertTrue(next.getString("view.frontHtml").length() > 0);
        given().get("/api/review/next?deck=no-such-deck").then().statusCode(200).body("card", equalTo(null));
    }

    @Test
    void buryAndSuspendTakeCardsOutOfTheQueue() {
        String id = (String) cardWithFront("?deck=attention", "Why divide by $\\sqrt{d_k}$?").get("id");
        given().post("/api/cards/" + id + "/suspend").then().statusCode(200).body("suspended", equalTo(true));
        assertTrue(cards("?deck=attention").stream().anyMatch(c -> id.equals(c.get("id")) && Boolean.TRUE.equals(c.get("suspended"))));
        for (int i = 0; i < 5; i++) {
            JsonPath next = given().get("/api/review/next?deck=attention").then().extract().jsonPath();
            assertFalse(id.equals(next.getString("card.id")), "a suspended card is never shown");
        }
        given().post("/api/cards/" + id + "/unsuspend").then().statusCode(200).body("suspended", equalTo(false));
        given().post("/api/cards/" + id + "/bury").then().statusCode(200).body("buried", equalTo(true));
        given().post("/api/cards/" + id + "/unsuspend").then().statusCode(200).body("buried", equalTo(false));
    }

    @Test
    void editsKeepIdentityAndDeletedCardsKeepHistory() throws IOException {
        Path file = VaultTestResource.questions().resolve("live-cards.md");
        Files.writeString(file, "What is MRR? :: Mean reciprocal rank\n\nWhat is NDCG? :: Normalised discounted cumulative gain\n");
        Map<String, Object> mrr = Eventually.await(WAIT, () -> cards("?deck=live-cards"), l -> l.size() == 2, "the new cards")
                .stream().filter(c -> "What is MRR?".equals(c.get("front"))).findFirst().orElseThrow();
        String mrrId = (String) mrr.get("id");
        String ndcgId = (String) cardWithFront("?deck=live-cards", "What is NDCG?").get("id");
        review(mrrId, "{\"rating\": \"good\"}", 200);

        Files.writeString(file, "# Metrics\n\nSome text first.\n\nWhat is MRR?? :: Mean reciprocal rank (1/rank of the first hit)\n");
        List<Map<String, Object>> edited = Eventually.await(WAIT, () -> cards("?deck=live-cards"),
                l -> l.size() == 1 && String.valueOf(l.get(0).get("back")).contains("first hit"), "the edit");
        assertEquals(mrrId, edited.get(0).get("id"), "an edited card keeps its identity and schedule");
        assertEquals(1, ((Number) edited.get(0).get("reps")).intValue());

        JsonPath deleted = given().get("/api/cards/" + ndcgId).then().statusCode(200).extract().jsonPath();
        assertTrue(deleted.getBoolean("deleted"), "a removed card is kept, marked deleted");
        review(ndcgId, "{\"rating\": \"good\"}", 409);

        Files.writeString(file, "What is MRR?? :: Mean reciprocal rank (1/rank of the first hit)\n\nWhat is NDCG? :: Something else entirely now\n");
        List<Map<String, Object>> readded = Eventually.await(WAIT, () -> cards("?deck=live-cards"), l -> l.size() == 2, "the new card");
        assertTrue(readded.stream().noneMatch(c -> ndcgId.equals(c.get("id"))), "a deleted card is not silently reattached");
        Files.delete(file);
        Eventually.await(WAIT, () -> cards("?deck=live-cards"), List::isEmpty, "the file's cards to go");
    }

    @Test
    void statisticsCountStatesAndForecast() {
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(365, stats.getList("heatmap").size());
        assertEquals(30, stats.getList("forecast").size());
        assertTrue(stats.getList("byState.state").containsAll(List.of("new", "learning", "review", "relearning", "suspended")));
        given().get("/stats").then().statusCode(200).body(containsString("heatmap"));

        int today = stats.getInt("reviewsToday");
        String id = (String) cards("?deck=attention").stream().filter(c -> "cloze".equals(c.get("kind"))).findFirst().orElseThrow().get("id");
        review(id, "{\"rating\": \"good\"}", 200);
        JsonPath after = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(today + 1, after.getInt("reviewsToday"), "the answer is counted at once");
        assertEquals(today + 1, after.getInt("heatmap[364].count"));
        given().post("/api/review/undo").then().statusCode(200);
        assertEquals(today, given().get("/api/stats").then().extract().jsonPath().getInt("reviewsToday"), "undo takes it back");
    }
}
