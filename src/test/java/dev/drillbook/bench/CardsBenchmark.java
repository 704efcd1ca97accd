package dev.drillbook.bench;

import dev.drillbook.database.H2Housekeeping;
import dev.drillbook.quiz.CardFiles;
import dev.drillbook.support.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spaced repetition at scale: 100,000 cards in 100 card files and 1,000,000 review-log rows in H2. Measures parsing
 * the card files, the first import into the database, the next-card query and answering (POST) over HTTP.
 */
class CardsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FILES = 100;
    private static final int CARDS_PER_FILE = 1000;
    private static final int LOG_ROWS = 1_000_000;

    @Test
    void cardsAtScale() throws Exception {
        Path work = Files.createTempDirectory("drillbook-cards-bench");
        Path notes = Files.createDirectories(work.resolve("notes"));
        Path questions = Files.createDirectories(work.resolve("questions"));
        Path data = work.resolve("data");
        Files.writeString(notes.resolve("Topic.md"), "# Topic\n\nA note the cards link to.\n");
        List<String> texts = new ArrayList<>();
        Random random = new Random(7);
        for (int f = 0; f < FILES; f++) {
            String text = cardFile(f, random);
            texts.add(text);
            Files.writeString(questions.resolve("deck-" + f + ".md"), text);
        }
        List<String> rows = new ArrayList<>();

        // parsing alone, in this JVM: first (cold) and best of 5
        long cold = 0;
        long best = Long.MAX_VALUE;
        int parsed = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            parsed = 0;
            for (int f = 0; f < FILES; f++) {
                parsed += CardFiles.read("questions/deck-" + f + ".md", texts.get(f), false).cards().size();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            cold = round == 0 ? ms : cold;
            best = Math.min(best, ms);
        }
        assertEquals(FILES * CARDS_PER_FILE + FILES * CARDS_PER_FILE / 20, parsed, "every card parsed (reversed ones twice)");
        rows.add(String.format(Locale.ENGLISH, "| Parse %,d cards in %d files (cold JVM / best of 5) | %,d ms / %,d ms | ≤ 5,000 ms |",
                parsed, FILES, cold, best));

        List<String> jvm = List.of();  // the JVM's defaults, as a user runs the app
        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), jvm)) {
            app.awaitLoaded(Duration.ofMinutes(3));
            app.awaitStatus("\"cardsLoaded\":true", Duration.ofMinutes(10));
            JsonNode status = JSON.readTree(app.get("/api/status"));
            assertEquals(parsed, status.get("cards").asInt());
            rows.add(String.format(Locale.ENGLISH, "| First start: read and store %,d cards in H2 | %,d ms | |", parsed,
                    status.get("cardsLoadMillis").asLong()));
        }

        long seedStart = System.nanoTime();
        String compaction = seed(data);
        rows.add(String.format(Locale.ENGLISH, "| (Seeding %,d review-log rows and 30 %% of cards into review, JDBC) | %,d ms | |",
                LOG_ROWS, (System.nanoTime() - seedStart) / 1_000_000));
        rows.add("| (…then compacting the H2 file as the app's housekeeping would have kept it) | " + compaction + " | |");

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), jvm)) {
            app.awaitLoaded(Duration.ofMinutes(3));
            long restart = app.awaitStatus("\"cardsLoaded\":true", Duration.ofMinutes(5));
            JsonNode status = JSON.readTree(app.get("/api/status"));
            rows.add(String.format(Locale.ENGLISH, "| Restart with 100,000 stored cards: all card files re-read and reconciled | %,d ms (process start → ready: %,d ms) | |",
                    status.get("cardsLoadMillis").asLong(), restart));

            int port = app.port;
            long pid = app.process.pid();
            // steady state, as a study session is: the first few thousand requests are the JIT compiling
            Latencies.http(1, 3000, port, pid, (c, i) -> c.get("/api/review/next"));
            Latencies.http(1, 1000, port, pid, (c, i) -> c.get("/api/review/next?deck=deck-" + (i % FILES)));
            Latencies.Report next = Latencies.http(1, 2000, port, pid, (c, i) -> c.get("/api/review/next"));
            rows.add(next.row("`GET /api/review/next` (queue counts, next card, its four intervals), 1 client, ms p50 / p95 / p99") + " p99 ≤ 5 ms |");
            Latencies.Report nextDeck = Latencies.http(1, 2000, port, pid, (c, i) -> c.get("/api/review/next?deck=deck-" + (i % FILES)));
            rows.add(nextDeck.row("…filtered by deck, 1 client, ms p50 / p95 / p99") + " |");
            Latencies.Report nextTag = Latencies.http(1, 30, port, pid, (c, i) -> c.get("/api/review/next?tag=topic-" + (i % 10)));
            rows.add(nextTag.row("…filtered by tag (a scan: tags are not indexed), 1 client, ms p50 / p95 / p99") + " |");
            Latencies.Report nextLoad = Latencies.http(4, 2000, port, pid, (c, i) -> c.get("/api/review/next"));
            rows.add(nextLoad.row("…4 concurrent clients, ms p50 / p95 / p99") + " |");

            List<String> due = new ArrayList<>();
            for (JsonNode c : JSON.readTree(app.get("/api/cards?due=true&limit=5000"))) {
                due.add(c.get("id").asText());
            }
            assertTrue(due.size() >= 4000, "due cards: " + due.size());
            String[] ratings = {"good", "good", "good", "hard", "again", "easy"};
            Latencies.http(1, 1000, port, pid, (c, i) -> c.post("/api/cards/" + due.get(i) + "/reviews", "{\"rating\":\"" + ratings[i % 6] + "\"}"));
            Latencies.Report answer = Latencies.http(1, 2000, port, pid, (c, i) -> c.post("/api/cards/" + due.get(1000 + i) + "/reviews",
                    "{\"rating\":\"" + ratings[i % 6] + "\"}"));
            rows.add(answer.row("`POST /api/cards/{id}/reviews` (answer committed to disk), 1 client, ms p50 / p95 / p99") + " p99 ≤ 10 ms |");
            Latencies.Report answerLoad = Latencies.http(4, 600, port, pid, (c, i) -> c.post("/api/cards/" + due.get(3000 + i) + "/reviews",
                    "{\"rating\":\"good\"}"));
            rows.add(answerLoad.row("…4 concurrent clients, ms p50 / p95 / p99") + " |");
            long t0 = System.nanoTime();
            app.get("/api/stats");
            long firstStats = (System.nanoTime() - t0) / 1_000_000;
            post(app, "/api/cards/" + due.get(3700) + "/reviews", "{\"rating\":\"good\"}");
            t0 = System.nanoTime();
            app.get("/api/stats");
            rows.add(String.format(Locale.ENGLISH, "| `GET /api/stats` over 1,000,000 log rows: first (reads the log once) / after another answer | %,d ms / %,d ms | |",
                    firstStats, (System.nanoTime() - t0) / 1_000_000));
            rows.add(String.format(Locale.ENGLISH, "| Peak RSS | %d MB | |", app.peakRssMb()));
        }
        Bench.write("cards", "App: `java -jar target/quarkus-app/quarkus-run.jar`, the JVM's default settings.\n\n"
                + "| Measure | Result | Target |\n|---|---|---|\n"
                + String.join("\n", rows) + "\n");
    }

    private static String post(AppProcess app, String path, String body) throws Exception {
        HttpResponse<String> response = app.post(path, body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Card files as people write them: mostly one-liners, some multi-line cards, clozes and reversed cards. */
    private static String cardFile(int f, Random random) {
        StringBuilder sb = new StringBuilder("---\ntags: [bench, topic-" + (f % 10) + "]\nnotes: \"[[Topic]]\"\n---\n# Deck " + f + "\n\n");
        for (int i = 0; i < CARDS_PER_FILE; i++) {
            String q = "Question " + f + "-" + i + " about term" + random.nextInt(5000) + " and $x_" + i + "^2$";
            switch (i % 20) {
                case 0 -> sb.append(q).append(" ::: reversed answer ").append(i).append("\n\n");
                case 1, 2, 3 -> sb.append(q).append("\nwith a second line\n?\nThe answer ").append(i).append(" spans\ntwo lines.\n\n");
                case 4, 5 -> sb.append("A cloze sentence ").append(f).append('-').append(i).append(" where ==term").append(i)
                        .append("== is hidden.\n\n");
                default -> sb.append(q).append(" :: answer ").append(i).append(" with `code::inside`\n\n");
            }
        }
        return sb.toString();
    }

    /** 30 % of cards into review with due dates around today; 1,000,000 log rows spread over two years. */
    private static String seed(Path data) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("drillbook").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            List<String> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM card ORDER BY new_order")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Instant now = Instant.now();
            Random random = new Random(11);
            try (PreparedStatement update = c.prepareStatement("UPDATE card SET queue = 2, state = 'REVIEW', stability = ?, "
                    + "difficulty = ?, due = ?, last_review = ?, reps = ? WHERE id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    if (i % 10 >= 3) {
                        continue;
                    }
                    double stability = 1 + random.nextDouble() * 60;
                    Instant due = now.plus(Duration.ofHours(random.nextInt(24 * 60) - 24 * 20));
                    update.setDouble(1, stability);
                    update.setDouble(2, 1 + random.nextDouble() * 9);
                    update.setTimestamp(3, Timestamp.from(due));
                    update.setTimestamp(4, Timestamp.from(due.minus(Duration.ofDays((long) stability))));
                    update.setInt(5, 3 + random.nextInt(10));
                    update.setString(6, ids.get(i));
                    update.addBatch();
                    if (i % 5000 == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
            c.commit();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO review_log (card_id, rating, reviewed_at, elapsed_days, "
                    + "scheduled_days, state_before, step_before, stability_before, difficulty_before, queue_before, leech_before, "
                    + "state_after, stability_after, difficulty_after, due_after) VALUES (?, ?, ?, ?, ?, 'REVIEW', 0, ?, 5, 2, FALSE, "
                    + "'REVIEW', ?, 5, ?)")) {
                for (int i = 0; i < LOG_ROWS; i++) {
                    Instant at = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 730) + 60L * 24));
                    insert.setString(1, ids.get(random.nextInt(ids.size())));
                    insert.setInt(2, 1 + random.nextInt(4));
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.setInt(4, random.nextInt(30));
                    insert.setInt(5, random.nextInt(60));
                    insert.setDouble(6, 5);
                    insert.setDouble(7, 10);
                    insert.setTimestamp(8, Timestamp.from(at.plus(Duration.ofDays(10))));
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            // the app keeps its file compact as it goes (H2Housekeeping); a bulk load from outside leaves it a third full
            // (just written, so nothing is older than H2's retention time: let it reuse space at once)
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME 0");
            }
            long t0 = System.nanoTime();
            H2Housekeeping.Round round = H2Housekeeping.compact(c, 80, 64 << 20, 10_000, Duration.ZERO);
            try (Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME 45000");  // H2's default, which the app runs with
            }
            return String.format(Locale.ENGLISH, "%d %% → %d %% live in %,d ms", round.fillBefore(), round.fillAfter(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
