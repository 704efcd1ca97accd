package dev.drillbook.vault;

import dev.drillbook.support.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vault index across restarts of the packaged app: a restart reads only the files that changed while it was
 * stopped, an edit made just before {@code kill -9} is not lost, and an index that cannot be written leaves search
 * working from memory with a problem saying so.
 */
class VaultIndexRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAUGHT_UP = "\"catchingUp\":false";

    private static void awaitReady(AppProcess app) throws InterruptedException, IOException {
        app.awaitLoaded(Duration.ofMinutes(2));
        app.awaitStatus(CAUGHT_UP, Duration.ofMinutes(2));
        app.awaitStatus("\"searchReady\":true", Duration.ofMinutes(2));
    }

    private static List<String> search(AppProcess app, String q) throws IOException, InterruptedException {
        List<String> paths = new ArrayList<>();
        JSON.readTree(app.get("/api/search?q=" + q)).forEach(h -> paths.add(h.get("path").asText()));
        return paths;
    }

    private static JsonNode status(AppProcess app) throws IOException, InterruptedException {
        return JSON.readTree(app.get("/api/status"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        // a time clearly different from what the index holds, whatever the file system's clock granularity
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void aRestartReadsOnlyWhatChangedAndLosesNoEdit() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart");
        Path notes = Files.createDirectories(base.resolve("notes"));
        Path questions = Files.createDirectories(base.resolve("questions"));
        Path data = base.resolve("data");
        for (int i = 0; i < 40; i++) {
            Files.writeString(notes.resolve("Note " + i + ".md"), "# Note " + i + "\n\nAbout topic" + i + ", see [[Note "
                    + (i + 1) % 40 + "]].\n");
        }

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
            awaitReady(app);
            assertEquals(40, status(app).get("total").asInt(), "a first start reads every note");
            assertEquals(List.of("Note 7.md"), search(app, "topic7"));
        } // a normal stop commits the index

        write(notes.resolve("Note 1.md"), "# Note 1\n\nNow about zebrafish.\n");
        Files.delete(notes.resolve("Note 2.md"));
        write(notes.resolve("Note 40.md"), "# Note 40\n\nAbout okapis, see [[Note 0]].\n");
        // only the time changes: hashed, not parsed, and no change to anything
        Files.setLastModifiedTime(notes.resolve("Note 3.md"), FileTime.from(Instant.now().plusSeconds(5)));

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
            awaitReady(app);
            JsonNode status = status(app);
            assertEquals(40, status.get("notes").asInt());
            assertEquals(3, status.get("total").asInt(), "only the edited, added and touched files are read: " + status);
            assertEquals(List.of("Note 1.md"), search(app, "zebrafish"));
            assertEquals(List.of("Note 40.md"), search(app, "okapis"));
            // ("topic2" also finds topic20…topic29 by prefix, as the word being typed)
            assertFalse(search(app, "topic2").contains("Note 2.md"), "the deleted note left the index");
            assertTrue(app.get("/api/notes/Note%200.md").contains("Note 40.md"), "the new note's backlink is there");

            // an edit while running, then kill -9 before the index may have been committed
            write(notes.resolve("Note 5.md"), "# Note 5\n\nNow about narwhals.\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (search(app, "narwhals").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of("Note 5.md"), search(app, "narwhals"));
            app.killHard();
        }

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
            awaitReady(app);
            assertEquals(List.of("Note 5.md"), search(app, "narwhals"), "the edit before the kill is there");
            assertFalse(search(app, "topic5").contains("Note 5.md"), "and the old text is not");
            assertEquals(40, status(app).get("notes").asInt());
        }
    }

    @Test
    void anIndexThatCannotBeWrittenLeavesSearchWorkingFromMemory() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "index-file");
        Path notes = Files.createDirectories(base.resolve("notes"));
        Path questions = Files.createDirectories(base.resolve("questions"));
        Path data = Files.createDirectories(base.resolve("data"));
        Files.writeString(data.resolve("vault-index"), "a file where the index folder should be");
        Files.writeString(notes.resolve("Only.md"), "# Only\n\nAbout capybaras.\n");

        try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
            awaitReady(app);
            assertEquals(List.of("Only.md"), search(app, "capybaras"));
            String problems = app.get("/api/problems");
            assertTrue(problems.contains("index"), problems);
            assertFalse(problems.contains("Exception:"), "a readable reason, not a stack trace: " + problems);
        }
    }
}
