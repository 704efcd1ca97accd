package dev.drillbook.backup;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export everything, restore into a database that knows nothing (with other card ids), restore again: no duplicates.
 * Restores merge (newer history wins, nothing is reset), check every value, say where a file is cut off, preview, and
 * keep cards of missing files out of review until the file returns.
 */
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
        assertEquals(before.get("cards").size(), first.getInt("cardsMatched"), "matched by file and content, not by id");
        assertEquals(0, first.getInt("cardsHidden"));
        assertTrue(first.getBoolean("applied"));
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

    @Test
    void previewChangesNothingAndAnOlderBackupNeverResetsNewerReviews() throws Exception {
        JsonNode pristine = JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        try {
            String card = freshCard();
            long logRows = logRows();
            Instant answered = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
            ObjectNode newer = pristine.deepCopy();
            ObjectNode c = cardIn(newer, card);
            c.put("state", "REVIEW").put("queue", 2).put("reps", 1).put("stability", 3.2).put("difficulty", 5.1)
                    .put("lastReview", answered.toString()).put("due", answered.plus(Duration.ofDays(3)).toString());
            logRow(newer, card, answered).put("stabilityAfter", 3.2).put("difficultyAfter", 5.1);

            JsonPath preview = given().contentType(ContentType.JSON).body(newer.toString()).post("/api/backup/preview").then().statusCode(200)
                    .extract().jsonPath();
            assertFalse(preview.getBoolean("applied"));
            assertEquals(1, preview.getInt("cardsUpdated"), "only the card the backup answered later");
            assertEquals(1, preview.getInt("reviewsAdded"));
            assertEquals(0, given().get("/api/cards/" + card).then().extract().jsonPath().getInt("reps"), "a preview writes nothing");
            assertEquals(logRows, logRows());
            JsonPath dry = given().contentType(ContentType.JSON).body(newer.toString()).post("/api/backup?dryRun=true").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(preview.getMap(""), dry.getMap(""), "?dryRun=true is the same preview");

            JsonPath applied = restore(newer);
            assertTrue(applied.getBoolean("applied"));
            assertEquals(1, applied.getInt("cardsUpdated"));
            assertEquals(1, applied.getInt("reviewsAdded"));
            assertEquals(1, given().get("/api/cards/" + card).then().extract().jsonPath().getInt("reps"));

            // the old backup again, taken before that answer: the newer history wins, the answer stays in the log
            JsonPath old = restore(pristine);
            assertEquals(0, old.getInt("cardsUpdated"));
            assertEquals(0, old.getInt("reviewsAdded"));
            JsonPath after = given().get("/api/cards/" + card).then().extract().jsonPath();
            assertEquals(1, after.getInt("reps"), "not reset to new");
            assertEquals(answered, Instant.parse(after.getString("lastReview")));
            assertEquals(logRows + 1, logRows());
        } finally {
            wipeHistory();
            restore(pristine);
        }
    }

    @Test
    void everyBadValueIsListedAndNothingIsRestored() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        String card = doc.get("cards").get(0).get("id").asText();
        long logRows = logRows();
        ((ObjectNode) doc.get("cards").get(0)).put("state", "BANANA");
        ((ObjectNode) doc.get("cards").get(1)).put("due", "yesterday");
        ((ObjectNode) doc.get("cards").get(2)).put("reps", -1);
        logRow(doc, card, Instant.now()).put("rating", 9);
        JsonPath refused = given().contentType(ContentType.JSON).body(doc.toString()).post("/api/backup").then().statusCode(400)
                .extract().jsonPath();
        List<String> errors = refused.getList("errors");
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("cards[0].state: \"BANANA\" is not a card state"), errors.get(0));
        assertTrue(errors.get(1).startsWith("cards[1].due: \"yesterday\" is not a time"), errors.get(1));
        assertTrue(errors.get(2).startsWith("cards[2].reps: -1 is not a count"), errors.get(2));
        assertTrue(errors.stream().anyMatch(e -> e.matches("reviewLog\\[\\d+]\\.rating: 9 is not a rating \\(1–4.*")), errors.toString());
        assertEquals(400, refused.getInt("status"));
        assertTrue(refused.getString("detail").contains("nothing was restored"), refused.getString("detail"));
        assertEquals(logRows, logRows());
        given().get("/api/cards").then().statusCode(200);
        given().contentType(ContentType.JSON).body(doc.toString()).post("/api/backup/preview").then().statusCode(400);
    }

    @Test
    void aCutOffFileSaysWhereItEnds() {
        String full = given().get("/api/backup").then().statusCode(200).extract().asString();
        String cut = full.substring(0, full.length() / 2);
        JsonPath refused = given().contentType(ContentType.JSON).body(cut).post("/api/backup").then().statusCode(400).extract().jsonPath();
        assertTrue(refused.getString("detail").startsWith("The file is cut off at line "), refused.getString("detail"));
        for (String end : List.of("{\"format\": \"drillbook-backup\", \"version\": 1, \"cards\": [", "{\"format\": \"drillb", "")) {
            String detail = given().contentType(ContentType.JSON).body(end).post("/api/backup").then().statusCode(400).extract().jsonPath()
                    .getString("detail");
            assertTrue(detail.startsWith("The file is cut off at line 1, column "), detail);
        }
        String broken = given().contentType(ContentType.JSON).body("{\"format\": ]").post("/api/backup").then().statusCode(400).extract()
                .jsonPath().getString("detail");
        assertTrue(broken.startsWith("The file is not valid JSON at line 1, column 12"), broken);
    }

    @Test
    void aBackupFromANewerVersionIsRefusedCleanly() {
        String detail = given().contentType(ContentType.JSON).body(Map.of("format", "drillbook-backup", "version", 2, "cards", List.of()))
                .post("/api/backup").then().statusCode(400).extract().jsonPath().getString("detail");
        assertTrue(detail.startsWith("This backup was written by a newer Drillbook (backup format version 2)"), detail);
    }

    @Test
    void cardsOfAMissingFileStayOutOfReviewUntilTheFileReturns() throws Exception {
        String text = "What is a ghost card? :: A card whose file is missing\n";
        String source = "questions/returning-" + System.nanoTime() + ".md";
        String fingerprint = dev.drillbook.quiz.CardFiles.read(source, text, false).cards().get(0).fingerprint();
        String id = String.format("b%011x", System.nanoTime() & 0xFFFFFFFFFFFL);
        Instant answered = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        ObjectNode doc = JSON.createObjectNode().put("format", "drillbook-backup").put("version", 1);
        doc.putArray("cards").addObject().put("id", id).put("source", source).put("fingerprint", fingerprint).put("kind", "basic")
                .put("deck", "returning").put("front", "What is a ghost card?").put("back", "A card whose file is missing").put("queue", 2)
                .put("state", "REVIEW").put("reps", 2).put("stability", 4.0).put("difficulty", 5.0).put("lastReview", answered.toString())
                .put("due", answered.plus(Duration.ofDays(4)).toString()).put("tags", "").put("notes", "")
                .put("createdAt", answered.minus(Duration.ofDays(9)).toString());
        doc.putArray("reviewLog");
        logRow(doc, id, answered.minus(Duration.ofDays(1)));
        logRow(doc, id, answered);
        JsonPath result = restore(doc);
        assertEquals(1, result.getInt("cardsHidden"));
        assertEquals(List.of(source), result.getList("missingFiles"));
        assertEquals(2, result.getInt("reviewsAdded"), "its history is kept");
        assertTrue(given().get("/api/cards").then().statusCode(200).extract().jsonPath().getList("id").stream().noneMatch(id::equals),
                "not among the cards to review");
        assertTrue(given().get("/api/cards/" + id).then().statusCode(200).extract().jsonPath().getBoolean("deleted"));

        Path file = VaultTestResource.questions().resolve(source.substring("questions/".length()));
        Files.writeString(file, text);
        try {
            JsonPath back = Eventually.await(Duration.ofSeconds(15), () -> given().get("/api/cards/" + id).then().extract().jsonPath(),
                    j -> !j.getBoolean("deleted"), "the card back once its file is");
            assertEquals(2, back.getInt("reps"), "with its schedule");
            assertEquals(2, given().get("/api/cards/" + id + "/reviews").then().extract().jsonPath().getList("").size(), "and its history");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aBackupWrittenOnH2MergesIn() throws Exception {
        // written by the packaged app on H2 over the fixture vault, one rag card answered twice; in BackupPostgresTest
        // this is the H2 → PostgreSQL move
        JsonNode h2 = JSON.readTree(Files.readString(Path.of("src/test/resources/backups/h2-backup.json")));
        JsonNode answered = null;
        for (JsonNode c : h2.get("cards")) {
            if (c.get("reps").asInt() == 2) {
                answered = c;
            }
        }
        JsonNode pristine = JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString());
        try {
            wipeHistory();
            JsonPath first = restore(h2);
            assertEquals(1, first.getInt("cardsUpdated"));
            assertEquals(2, first.getInt("reviewsAdded"));
            assertEquals(0, first.getInt("cardsHidden"), "the fixture vault holds every card of it");
            JsonNode here = null;
            for (JsonNode c : JSON.readTree(given().get("/api/backup").then().statusCode(200).extract().asString()).get("cards")) {
                if (c.get("source").equals(answered.get("source")) && c.get("fingerprint").equals(answered.get("fingerprint"))) {
                    here = c;
                }
            }
            assertEquals(2, here.get("reps").asInt());
            assertEquals("REVIEW", here.get("state").asText());
            assertEquals(Instant.parse(answered.get("lastReview").asText()), Instant.parse(here.get("lastReview").asText()));
            assertEquals(2, given().get("/api/cards/" + here.get("id").asText() + "/reviews").then().extract().jsonPath().getList("").size());
            JsonPath again = restore(h2);
            assertEquals(0, again.getInt("cardsUpdated") + again.getInt("reviewsAdded"));
            assertEquals(2, again.getInt("reviewsSkipped"));
        } finally {
            wipeHistory();
            restore(pristine);
        }
    }

    /** Adds a review log row as the export writes it: {@code card} answered good at {@code at}, from new to review. */
    private static ObjectNode logRow(JsonNode doc, String card, Instant at) {
        return ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("reviewLog")).addObject().put("cardId", card).put("rating", 3)
                .put("reviewedAt", at.toString()).put("stateBefore", "NEW").put("stateAfter", "REVIEW")
                .put("dueAfter", at.plus(Duration.ofDays(3)).toString());
    }

    /** A card never answered, from the fixture's rag deck. */
    private static String freshCard() {
        List<Map<String, Object>> cards = given().get("/api/cards?deck=rag").then().statusCode(200).extract().jsonPath().getList("");
        return cards.stream().filter(c -> ((Number) c.get("reps")).intValue() == 0).map(c -> (String) c.get("id")).findFirst().orElseThrow();
    }

    private static ObjectNode cardIn(JsonNode doc, String id) {
        for (JsonNode c : doc.get("cards")) {
            if (c.get("id").asText().equals(id)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no card " + id);
    }

    long logRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM review_log").getSingleResult()).longValue());
    }

    static JsonPath restore(JsonNode doc) {
        return given().contentType(ContentType.JSON).body(doc.toString()).post("/api/backup").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
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
