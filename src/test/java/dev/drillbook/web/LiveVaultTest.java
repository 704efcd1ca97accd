package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Creating, editing, renaming and deleting files shows up without a restart. */
@QuarkusTest
class LiveVaultTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static int status(String path) {
        return given().when().get("/api/notes/" + path).then().extract().statusCode();
    }

    private static JsonPath note(String path) {
        return given().when().get("/api/notes/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createEditRenameAndDeleteAreAppliedLive() throws IOException {
        Path dir = VaultTestResource.vault().resolve("live");
        Files.createDirectories(dir);
        Path file = dir.resolve("Fresh Note.md");
        Files.writeString(file, "---\ntags: [live-test]\n---\n# Fresh\n\nLinks to [[Attention]].\n");

        Eventually.await(WAIT, () -> status("live/Fresh Note.md"), s -> s == 200, "the new note to appear");
        Eventually.await(WAIT, () -> note("attention/Attention.md").getList("backlinks"),
                b -> b.contains("live/Fresh Note.md"), "the backlink to appear");
        assertTrue(given().get("/api/tags").then().extract().jsonPath().getList("name").contains("live-test"));

        Files.writeString(file, "# Fresh\n\nNow about ==KV caches== instead.\n");
        Eventually.await(WAIT, () -> note("live/Fresh Note.md").getString("html"), h -> h.contains("<mark>KV caches</mark>"),
                "the edit to be rendered");
        Eventually.await(WAIT, () -> note("attention/Attention.md").getList("backlinks"),
                b -> !b.contains("live/Fresh Note.md"), "the removed link to drop from backlinks");

        Path renamed = dir.resolve("Renamed Note.md");
        Files.move(file, renamed);
        Eventually.await(WAIT, () -> status("live/Renamed Note.md"), s -> s == 200, "the renamed note to appear");
        Eventually.await(WAIT, () -> status("live/Fresh Note.md"), s -> s == 404, "the old name to disappear");

        Files.delete(renamed);
        Eventually.await(WAIT, () -> status("live/Renamed Note.md"), s -> s == 404, "the deleted note to disappear");
    }

    @Test
    void aNewNoteResolvesLinksThatWereBrokenAndDeletingBreaksThemAgain() throws IOException {
        Path dir = VaultTestResource.vault().resolve("live2");
        Files.createDirectories(dir);
        Path file = dir.resolve("Nowhere To Be Found.md");
        Files.writeString(file, "# Found after all\n");
        try {
            Eventually.await(WAIT, () -> resolvedOf("Nowhere To Be Found"), r -> "live2/Nowhere To Be Found.md".equals(r),
                    "index.md's broken link to resolve");
            List<String> backlinks = note("live2/Nowhere To Be Found.md").getList("backlinks");
            assertEquals(List.of("index.md"), backlinks);
        } finally {
            Files.delete(file);
        }
        Eventually.await(WAIT, () -> resolvedOf("Nowhere To Be Found") == null, r -> r, "the link to break again");
        assertNull(resolvedOf("Nowhere To Be Found"));
    }

    @Test
    void addingAnAliasMakesAliasLinksResolve() throws IOException {
        Path dir = VaultTestResource.vault().resolve("live3");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Linker.md"), "See [[Positional Encoding Primer]].\n");
        Eventually.await(WAIT, () -> status("live3/Linker.md"), s -> s == 200, "the linking note");
        assertNull(note("live3/Linker.md").getString("links[0].resolved"));

        Files.writeString(dir.resolve("RoPE.md"), "---\naliases: [Positional Encoding Primer]\n---\n# RoPE\n");
        Eventually.await(WAIT, () -> note("live3/Linker.md").getString("links[0].resolved"), "live3/RoPE.md"::equals,
                "the alias link to resolve");
        Files.delete(dir.resolve("RoPE.md"));
        Files.delete(dir.resolve("Linker.md"));
        Eventually.await(WAIT, () -> status("live3/Linker.md"), s -> s == 404, "cleanup");
    }

    private static String resolvedOf(String target) {
        List<java.util.Map<String, Object>> links = note("index.md").getList("links");
        for (java.util.Map<String, Object> link : links) {
            if (target.equals(link.get("target"))) {
                return (String) link.get("resolved");
            }
        }
        throw new AssertionError("no link to " + target);
    }
}
