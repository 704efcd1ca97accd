package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packaged app reads the vault while it boots (see {@link EarlyRead}) and still shows the vault as it is once
 * loaded: a note written and one deleted while the app is starting are seen as such, whichever side of the early
 * read they fall on.
 */
class EarlyReadIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theVaultReadWhileBootingIsUsedAndStillUpToDate() throws Exception {
        Path base = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "early-read");
        Path notes = Files.createDirectories(base.resolve("notes"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(notes.resolve("Note " + i + ".md"), "# Note " + i + "\n\nLinks to [[Note " + (i + 1) % 300 + "]].\n");
        }
        Files.writeString(notes.resolve("Doomed.md"), "Deleted while the app starts.\n");
        try (AppProcess app = AppProcess.start(notes, Files.createDirectories(base.resolve("questions")), base.resolve("data"),
                Map.of(), List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"))) {
            Files.writeString(notes.resolve("Latecomer.md"), "Written while the app starts, links to [[Note 7]].\n");
            Files.delete(notes.resolve("Doomed.md"));
            app.awaitLoaded(Duration.ofMinutes(2));

            Set<String> paths = new TreeSet<>();
            JSON.readTree(app.get("/api/notes")).forEach(n -> paths.add(n.get("path").asText()));
            assertTrue(paths.contains("Latecomer.md"), "a note written while starting is there");
            assertTrue(!paths.contains("Doomed.md"), "a note deleted while starting is gone");
            assertEquals(301, paths.size());
            JsonNode latecomer = JSON.readTree(app.get("/api/notes/Latecomer"));
            assertTrue(latecomer.toString().contains("Note 7"), latecomer.toString());

            String log = Files.readString(Path.of("target", "bench", "app-" + app.port + ".log"));
            assertTrue(log.contains("(the files read while the app was starting)"), "the early read was used:\n" + log);
        }
    }
}
