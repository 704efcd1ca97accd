package dev.drillbook.database;

import dev.drillbook.support.PostgresProfile;
import dev.drillbook.support.VaultTestResource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged app (a copy of {@code target/quarkus-app}, so other tests keep theirs) switched from H2 to PostgreSQL
 * with settings only: re-augmented once with {@code quarkus.datasource.db-kind=postgresql}, then started with
 * {@code DRILLBOOK_DB_URL} and friends. Its cards land in PostgreSQL. Runs where {@code .ci/run} provides a server.
 */
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL, matches = ".+")
class PostgresSettingsIT {

    @Test
    void thePackagedAppSwitchesToPostgresqlWithoutARebuild() throws Exception {
        Path base = Path.of("target", "pg-settings", "run-" + System.nanoTime()).toAbsolutePath();
        Path app = base.resolve("quarkus-app");
        copy(Path.of("target", "quarkus-app"), app);
        Path notes = base.resolve("notes");
        Path questions = base.resolve("questions");
        copy(VaultTestResource.FIXTURES.resolve("basic"), notes);
        copy(VaultTestResource.FIXTURES.resolve("questions"), questions);
        Map<String, String> db = new PostgresProfile.EmptySchema().start();

        Process reaugment = java(app, base.resolve("reaugment.log"), Map.of(), "-Dquarkus.launch.rebuild=true",
                "-Dquarkus.datasource.db-kind=postgresql");
        assertTrue(reaugment.waitFor(5, TimeUnit.MINUTES), "re-augmentation finished");
        assertEquals(0, reaugment.exitValue(), Files.readString(base.resolve("reaugment.log")));

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process run = java(app, base.resolve("app.log"), Map.of("QUARKUS_HTTP_PORT", String.valueOf(port),
                "DRILLBOOK_NOTES_DIR", notes.toString(), "DRILLBOOK_QUESTIONS_DIR", questions.toString(),
                "DRILLBOOK_DATA_DIR", base.resolve("data").toString(), "DRILLBOOK_DB_URL", db.get("drillbook.db.url"),
                "DRILLBOOK_DB_USER", db.get("drillbook.db.user"), "DRILLBOOK_DB_PASSWORD", db.get("drillbook.db.password")));
        try {
            HttpClient http = HttpClient.newHttpClient();
            String cards = null;
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until && run.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cards")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().length() > 2) {
                        cards = r.body();
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            assertTrue(cards != null, "the app answered with its cards: " + Files.readString(base.resolve("app.log")));
            try (Connection c = DriverManager.getConnection(db.get("drillbook.db.url"), db.get("drillbook.db.user"), db.get("drillbook.db.password"));
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM card")) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "the cards are stored in PostgreSQL");
            }
            assertTrue(Files.notExists(base.resolve("data").resolve("drillbook.mv.db")), "and no H2 file was created");
        } finally {
            run.destroy();
            run.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files.sorted()::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static Process java(Path app, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        command.add("-jar");
        command.add(app.resolve("quarkus-run.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}
