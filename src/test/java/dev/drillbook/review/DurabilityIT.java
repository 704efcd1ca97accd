package dev.drillbook.review;

import dev.drillbook.support.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answered review survives {@code kill -9}: the packaged app runs as its own process on a real H2 file database,
 * answers are posted, the process is killed without warning the moment the last response arrives, and a restarted
 * app must show every answer.
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersSurviveKillDashNine() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "durability");
        Path notes = Files.createDirectories(base.resolve("notes"));
        Path questions = Files.createDirectories(base.resolve("questions"));
        Path data = base.resolve("data");
        Files.writeString(notes.resolve("Attention.md"), "# Attention\n\nScaled dot-product attention.\n");
        StringBuilder cards = new StringBuilder("---\nnotes: \"[[Attention]]\"\n---\n");
        for (int i = 1; i <= 6; i++) {
            cards.append("Durability question ").append(i).append(" :: answer ").append(i).append("\n\n");
        }
        Files.writeString(questions.resolve("durable.md"), cards.toString());
        List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

        List<String> ids = new ArrayList<>();
        List<JsonNode> answered = new ArrayList<>();
        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), jvm)) {
            app.awaitLoaded(Duration.ofMinutes(2));
            JsonNode list = awaitCards(app, 6);
            list.forEach(c -> ids.add(c.get("id").asText()));
            for (int round = 0; round < 2; round++) {
                for (String id : ids) {
                    HttpResponse<String> response = app.post("/api/cards/" + id + "/reviews", "{\"rating\": \"good\"}");
                    assertEquals(200, response.statusCode(), response.body());
                    answered.add(JSON.readTree(response.body()));
                }
            }
            app.killHard(); // right after the last 200: nothing gets a chance to flush
        }

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), jvm)) {
            app.awaitLoaded(Duration.ofMinutes(2));
            awaitCards(app, 6);
            for (int i = 0; i < ids.size(); i++) {
                JsonNode expected = answered.get(ids.size() + i);
                JsonNode card = JSON.readTree(app.get("/api/cards/" + ids.get(i)));
                assertEquals(2, card.get("reps").asInt(), "both answers to card " + i + " survived");
                assertEquals(expected.get("state").asText(), card.get("state").asText());
                assertEquals(expected.get("due").asText(), card.get("due").asText());
                assertEquals(expected.get("stability").asDouble(), card.get("stability").asDouble(), 1e-9);
                JsonNode log = JSON.readTree(app.get("/api/cards/" + ids.get(i) + "/reviews"));
                assertEquals(2, log.size(), "the review log kept both answers");
            }
            HttpResponse<String> undo = app.post("/api/review/undo", "");
            assertEquals(200, undo.statusCode(), "undo works across a restart: " + undo.body());
        }
    }

    private static JsonNode awaitCards(AppProcess app, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode list = null;
        while (System.nanoTime() < deadline) {
            list = JSON.readTree(app.get("/api/cards?deck=durable"));
            if (list.size() == count) {
                return list;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("cards never appeared: " + list);
    }
}
