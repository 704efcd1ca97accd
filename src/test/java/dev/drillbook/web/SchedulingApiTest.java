package dev.drillbook.web;

import dev.drillbook.review.CardEntity;
import dev.drillbook.review.Fsrs;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.MemoryState;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewLogEntity;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.optimizer.JoshLog;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduling settings, the optimiser, the simulator and the interview plan through the JSON API and pages, on the
 * fixture cards plus (when the file is here) py-fsrs's public review log imported as deck "josh".
 */
@QuarkusTest
@QuarkusTestResource(VaultTestResource.class)
@TestProfile(SchedulingApiTest.Utc.class)
class SchedulingApiTest {

    public static class Utc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.srs.time-zone", "UTC", "drillbook.srs.day-starts-at", "4");
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ReviewService reviews;

    private static JsonPath settings() {
        return given().get("/api/settings/scheduling").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath put(String body, int status) {
        return given().contentType(ContentType.JSON).body(body).put("/api/settings/scheduling").then().statusCode(status).extract().jsonPath();
    }

    private static String firstCard(String deck) {
        return given().get("/api/cards?deck=" + deck).then().statusCode(200).extract().jsonPath().getString("[0].id");
    }

    @Test
    void settingsAreValidatedStoredAndShown() {
        JsonPath s = settings();
        assertEquals(0.9, s.getDouble("desiredRetention"), 1e-9);
        assertTrue(s.getBoolean("loadBalancing"), "on by default, as in Anki");
        assertEquals(List.of("normal", "normal", "normal", "normal", "normal", "normal", "normal"), s.getList("easyDays"));
        assertNull(s.get("interview"));
        assertNull(s.get("presets[0].deck"));
        assertEquals("default", s.getString("presets[0].source"));

        assertTrue(put("{\"desiredRetention\": 1.5}", 400).getString("detail").contains("between 0.7 and 0.99"));
        assertTrue(put("{\"easyDays\": [\"normal\"]}", 400).getString("detail").contains("7"));
        assertTrue(put("{\"easyDays\": [\"normal\",\"normal\",\"normal\",\"normal\",\"normal\",\"normal\",\"lazy\"]}", 400)
                .getString("detail").contains("lazy"));
        assertTrue(put("{\"loadBalancing\": \"yes\"}", 400).getString("detail").contains("true or false"));
        assertTrue(put("{\"interview\": {\"date\": \"2020-01-01\"}}", 400).getString("detail").contains("after today"));
        assertTrue(put("{\"interview\": {\"date\": \"soon\"}}", 400).getString("detail").contains("2025-06-30"));
        assertEquals(400, given().contentType(ContentType.JSON).body("[1]").put("/api/settings/scheduling").statusCode());
        assertEquals(0.9, settings().getDouble("desiredRetention"), 1e-9, "a refused change changes nothing");

        JsonPath saved = put("{\"desiredRetention\": 0.85, \"loadBalancing\": false, \"easyDays\": [\"normal\",\"normal\",\"normal\","
                + "\"normal\",\"normal\",\"reduced\",\"minimum\"]}", 200);
        try {
            assertEquals(0.85, saved.getDouble("desiredRetention"), 1e-9);
            assertFalse(saved.getBoolean("loadBalancing"));
            assertEquals("minimum", saved.getString("easyDays[6]"));
            given().get("/settings").then().statusCode(200).body(containsString("value=\"0.85\""), containsString("id=\"scheduling\""),
                    containsString("<option value=\"minimum\" selected>"));
            given().get("/review").then().statusCode(200).body(containsString("desired retention 0.85"));
        } finally {
            JsonPath back = put("{\"desiredRetention\": null, \"loadBalancing\": true, \"easyDays\": [\"normal\",\"normal\",\"normal\","
                    + "\"normal\",\"normal\",\"normal\",\"normal\"]}", 200);
            assertEquals(0.9, back.getDouble("desiredRetention"), 1e-9, "null goes back to the configured value");
        }
    }

    @Test
    void everyAnswerRecordsTheWeightsAndRetentionInForce() {
        String card = firstCard("attention");
        given().contentType(ContentType.JSON).body("{\"rating\": \"good\"}").post("/api/cards/" + card + "/reviews").then().statusCode(200);
        List<Map<String, Object>> log = given().get("/api/cards/" + card + "/reviews").then().extract().jsonPath().getList("$");
        Map<String, Object> last = log.get(log.size() - 1);
        assertEquals(settings().getString("presets[0].parametersId"), last.get("parametersId"));
        assertEquals(16, ((String) last.get("parametersId")).length());
        assertEquals(settings().getDouble("desiredRetention"), ((Number) last.get("desiredRetention")).doubleValue(), 1e-6);
    }

    @Test
    void tooShortAHistoryKeepsTheDefaultsAndBadRequestsAreRefused() throws InterruptedException {
        String card = firstCard("rag");
        given().contentType(ContentType.JSON).body("{\"rating\": \"easy\"}").post("/api/cards/" + card + "/reviews").then().statusCode(200);
        String id = given().contentType(ContentType.JSON).body("{\"deck\": \"rag\"}").post("/api/fsrs/optimize").then().statusCode(202)
                .extract().jsonPath().getString("id");
        JsonPath job = awaitJob(id);
        assertEquals("done", job.getString("status"));
        assertFalse(job.getBoolean("optimisedEnough"));
        assertEquals(512, job.getInt("minimumReviews"));
        given().post("/api/fsrs/optimize/" + id + "/accept").then().statusCode(409).body("detail", containsString("512"));
        given().contentType(ContentType.JSON).body("{\"deck\": \"no-such-deck\"}").post("/api/fsrs/optimize").then().statusCode(400)
                .body("detail", containsString("no-such-deck"));
        given().get("/api/fsrs/optimize/nope").then().statusCode(404);
        given().get("/api/fsrs/evaluate?deck=nope").then().statusCode(400);
    }

    private static JsonPath awaitJob(String id) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(90);
        double last = -1;
        while (Instant.now().isBefore(until)) {
            JsonPath job = given().get("/api/fsrs/optimize/" + id).then().statusCode(200).extract().jsonPath();
            double progress = job.getDouble("progress");
            assertTrue(progress >= last, "progress only grows");
            last = progress;
            if (!"running".equals(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("optimisation did not finish");
    }

    @Test
    void optimisingTheJoshDeckReachesPyFsrsOptimumAndIsAppliedOnlyToThatDeck() throws InterruptedException {
        importJosh();
        JsonPath before = given().get("/api/fsrs/evaluate?deck=josh").then().statusCode(200).extract().jsonPath();
        assertEquals(5_329, before.getInt("reviews"));
        assertEquals(0.4586623533591177, before.getDouble("logLoss"), 1e-6, "the published loss of the default weights");
        String globalId = settings().getString("presets[0].parametersId");
        assertEquals(globalId, before.getString("parametersId"));

        String id = given().contentType(ContentType.JSON).body("{\"deck\": \"josh\"}").post("/api/fsrs/optimize").then().statusCode(202)
                .extract().jsonPath().getString("id");
        JsonPath job = awaitJob(id);
        assertEquals("done", job.getString("status"), job.prettify());
        assertTrue(job.getBoolean("optimisedEnough"));
        assertTrue(job.getBoolean("improves"));
        assertTrue(job.getDouble("optimised.logLoss") <= 0.4387, job.prettify());
        assertTrue(job.getDouble("optimised.rmseBins") < job.getDouble("current.rmseBins"));
        assertEquals(21, job.getList("weights").size());
        assertEquals(globalId, settings().getString("presets[0].parametersId"), "nothing changes before it is accepted");

        JsonPath accepted = given().post("/api/fsrs/optimize/" + id + "/accept").then().statusCode(200).extract().jsonPath();
        try {
            assertEquals("josh", accepted.getString("presets[1].deck"));
            assertEquals("optimized", accepted.getString("presets[1].source"));
            String joshId = accepted.getString("presets[1].parametersId");
            assertNotEquals(globalId, joshId);
            assertEquals(globalId, accepted.getString("presets[0].parametersId"), "the other cards keep their weights");
            JsonPath after = given().get("/api/fsrs/evaluate?deck=josh").then().statusCode(200).extract().jsonPath();
            assertEquals(joshId, after.getString("parametersId"));
            assertEquals(job.getDouble("optimised.logLoss"), after.getDouble("logLoss"), 1e-9);

            given().contentType(ContentType.JSON).body("{\"rating\": \"good\"}").post("/api/cards/j0/reviews").then().statusCode(200);
            List<Map<String, Object>> log = given().get("/api/cards/j0/reviews").then().extract().jsonPath().getList("$");
            assertEquals(joshId, log.get(log.size() - 1).get("parametersId"), "an answer in the deck records the deck's weights");
            given().get("/settings").then().statusCode(200).body(containsString("Deck josh"), containsString(joshId));

            // calibration of the imported history, predicted with the weights recorded (none: the current ones)
            JsonPath stats = given().get("/api/stats?deck=josh").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> bins = stats.getList("calibration");
            assertEquals(11, bins.size());
            long reviews = bins.stream().mapToLong(b -> ((Number) b.get("reviews")).longValue()).sum();
            assertTrue(reviews >= 5_329, "cross-day reviews: " + reviews);
            for (Map<String, Object> b : bins) {
                if (b.get("predicted") != null) {
                    double p = ((Number) b.get("predicted")).doubleValue();
                    assertTrue(p >= ((Number) b.get("from")).doubleValue() && p <= ((Number) b.get("to")).doubleValue(), b.toString());
                }
            }
            given().get("/stats?deck=josh").then().statusCode(200).body(containsString("Does the scheduler fit you?"),
                    containsString("calibration-point"));
        } finally {
            given().contentType(ContentType.JSON).body("{\"deck\": \"josh\"}").post("/api/fsrs/presets/reset").then().statusCode(200);
        }
        assertEquals(1, settings().getList("presets").size());
    }

    @Test
    void theSimulatorIsDeterministicAndMarksTheWorkloadOptimum() {
        String first = given().get("/api/fsrs/simulate?days=90").then().statusCode(200).extract().asString();
        assertEquals(first, given().get("/api/fsrs/simulate?days=90").then().statusCode(200).extract().asString());
        JsonPath s = new JsonPath(first);
        List<Float> retentions = s.getList("outcomes.desiredRetention");
        assertEquals(10, retentions.size());
        assertTrue(retentions.stream().anyMatch(r -> Math.abs(r - s.getDouble("optimalRetention")) < 1e-6));
        assertEquals(90, s.getList("outcomes[0].answers").size());
        given().get("/api/fsrs/simulate?days=5").then().statusCode(400).body("detail", containsString("30"));
        given().get("/review/simulate?days=90").then().statusCode(200).body(containsString("workload-optimal"),
                containsString("sim-line"), containsString("sim-optimal-label"));
    }

    @Test
    void anInterviewSchedulesItsTopicsForTheDayAndThenLetsGo() {
        Instant now = Instant.now();
        LocalDate today = now.minus(Duration.ofHours(4)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day = today.plusDays(10);
        // two well-known cards of the rag deck: one due now, one due long after the interview
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.find(CardEntity.class, "iv-due") == null) {
                em.persist(reviewCard("iv-due", "rag", "|rag|", 300, now.minus(Duration.ofDays(40)), now.minus(Duration.ofMinutes(5))));
                em.persist(reviewCard("iv-later", "rag", "|rag|", 300, now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(100))));
            }
        });
        reviews.decksChanged();
        JsonPath set = put("{\"interview\": {\"date\": \"" + day + "\", \"topics\": \"#rag\", \"retention\": 0.95}}", 200);
        try {
            assertEquals(day.toString(), set.getString("interview.date"));
            assertEquals(List.of("rag"), set.getList("interview.topics"));
            assertTrue(set.getInt("broughtForward") >= 1);
            Instant laterDue = Instant.parse(given().get("/api/cards/iv-later").then().extract().jsonPath().getString("due"));
            assertTrue(laterDue.isBefore(day.atTime(4, 0).toInstant(ZoneOffset.UTC)), "brought before the day: " + laterDue);

            JsonPath review = given().contentType(ContentType.JSON).body("{\"rating\": \"good\"}").post("/api/cards/iv-due/reviews")
                    .then().statusCode(200).extract().jsonPath();
            long interval = Duration.between(now, Instant.parse(review.getString("due"))).toDays();
            assertTrue(interval <= 9, "capped to come back before the day: " + interval);
            List<Map<String, Object>> log = given().get("/api/cards/iv-due/reviews").then().extract().jsonPath().getList("$");
            assertEquals(0.95, ((Number) log.get(log.size() - 1).get("desiredRetention")).doubleValue(), 1e-6);

            JsonPath plan = given().get("/api/plan").then().statusCode(200).extract().jsonPath();
            assertEquals(10, plan.getInt("daysLeft"));
            assertEquals(10, plan.getList("days").size());
            assertTrue(plan.getInt("cardsInScope") >= 2);
            assertEquals("rag", plan.getString("mastery[0].name"));
            assertTrue(plan.getDouble("projectedRetention") > 0.5);
            assertTrue(plan.getList("days").stream().anyMatch(d -> Boolean.TRUE.equals(((Map<?, ?>) d).get("mockInterview"))));
            given().get("/plan").then().statusCode(200).body(containsString("10 days to your interview"), containsString("Mock interview"));
        } finally {
            JsonPath cleared = put("{\"interview\": null}", 200);
            assertNull(cleared.get("interview"));
        }
        given().get("/api/plan").then().statusCode(404);
        given().get("/plan").then().statusCode(200).body(containsString("No interview set"));
        JsonPath normal = given().contentType(ContentType.JSON).body("{\"rating\": \"good\"}").post("/api/cards/iv-later/reviews")
                .then().statusCode(200).extract().jsonPath();
        long normalInterval = Duration.between(Instant.now(), Instant.parse(normal.getString("due"))).toDays();
        assertTrue(normalInterval > 9, "after clearing, intervals are normal again: " + normalInterval);
    }

    private static CardEntity reviewCard(String id, String deck, String tags, double stability, Instant lastReview, Instant due) {
        CardEntity c = new CardEntity();
        c.id = id;
        c.fingerprint = id;
        c.source = "test/" + id + ".md";
        c.kind = "basic";
        c.deck = deck;
        c.front = "Front of " + id;
        c.back = "Back of " + id;
        c.tags = tags;
        c.notes = "";
        c.queue = CardEntity.QUEUE_REVIEW;
        c.state = "REVIEW";
        c.stability = stability;
        c.difficulty = 5;
        c.lastReview = lastReview;
        c.due = due;
        c.reps = 5;
        c.newOrder = Long.MAX_VALUE / 2;
        c.createdAt = lastReview;
        return c;
    }

    /**
     * py-fsrs's log as deck "josh": one card per log card, its answers shifted to end yesterday (whole days kept). One
     * transaction with room for a machine shared with other builds (the default 60 s ran out under load, and the
     * timed-out transaction broke the H2 file for the rest of the run); the session is cleared every 100 cards.
     */
    private void importJosh() {
        List<JoshLog.Row> rows = JoshLog.rowsOrSkip();
        QuarkusTransaction.requiringNew().timeout(900).run(() -> {
            if (em.find(CardEntity.class, "j0") != null) {
                return;
            }
            Map<String, List<JoshLog.Row>> byCard = new LinkedHashMap<>();
            rows.forEach(r -> byCard.computeIfAbsent(r.answer().cardId(), k -> new ArrayList<>()).add(r));
            Instant lastAt = rows.stream().map(r -> r.answer().at()).max(Comparator.naturalOrder()).orElseThrow();
            Duration shift = Duration.between(lastAt, Instant.now().minus(Duration.ofDays(1)));
            Fsrs fsrs = new Fsrs(FsrsParameters.DEFAULTS);
            int n = 0;
            for (List<JoshLog.Row> answers : byCard.values()) {
                answers.sort(Comparator.comparing(r -> r.answer().at()));
                String id = "j" + n++;
                MemoryState m = null;
                Instant previous = null;
                for (JoshLog.Row r : answers) {
                    Instant at = r.answer().at().plus(shift);
                    long days = previous == null ? 0 : Fsrs.wholeDays(previous, at);
                    MemoryState next = fsrs.nextMemory(m, days, Rating.values()[r.answer().rating() - 1]);
                    ReviewLogEntity log = new ReviewLogEntity();
                    log.cardId = id;
                    log.rating = (short) r.answer().rating();
                    log.reviewedAt = at;
                    log.elapsedDays = (int) days;
                    log.stateBefore = m == null ? "NEW" : "REVIEW";
                    log.stabilityBefore = m == null ? 0 : m.stability();
                    log.difficultyBefore = m == null ? 0 : m.difficulty();
                    log.lastReviewBefore = previous;
                    log.queueBefore = m == null ? CardEntity.QUEUE_NEW : CardEntity.QUEUE_REVIEW;
                    log.stateAfter = "REVIEW";
                    log.stabilityAfter = next.stability();
                    log.difficultyAfter = next.difficulty();
                    log.dueAfter = at.plus(Duration.ofDays(1));
                    if (m == null) {
                        em.persist(reviewCard(id, "josh", "|josh|", 1, at, at));
                        em.flush();
                    }
                    em.persist(log);
                    m = next;
                    previous = at;
                }
                CardEntity card = em.find(CardEntity.class, id);
                card.stability = m.stability();
                card.difficulty = m.difficulty();
                card.lastReview = previous;
                card.due = previous.plus(Duration.ofDays(fsrs.interval(m.stability())));
                card.reps = answers.size();
                if (n % 100 == 0) {
                    em.flush();
                    em.clear();
                }
            }
        });
        reviews.decksChanged(); // as the card reconciler does after adding cards
    }
}
