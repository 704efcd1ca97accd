package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One hostile note never takes the vault down (issue 26): a batch of live changes with a bad note in it is applied
 * whole, a note past the render deadline is shown as text and listed on the problems page, and other pages are
 * served while it renders.
 */
@QuarkusTest
@TestProfile(VaultIsolationTest.ShortDeadline.class)
class VaultIsolationTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.vault.render-timeout", "300ms");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static int status(String path) {
        return given().get("/api/notes/" + path).then().extract().statusCode();
    }

    @Test
    void aBatchWithHostileNotesIsAppliedWholeAndTheGoodEditIsKept() throws IOException {
        Path dir = VaultTestResource.vault().resolve("hostile");
        Files.createDirectories(dir);
        Path outside = Files.createTempFile("outside", ".md");
        Files.writeString(outside, "password=hunter2");
        // written together, so the watcher applies them as one batch
        Files.writeString(dir.resolve("Deep List.md"), "- ".repeat(10_000) + "deep\n");
        Files.writeString(dir.resolve("Deep Quote.md"), ">".repeat(10_000) + " deep\n");
        Files.createSymbolicLink(dir.resolve("Leak.md"), outside);
        Files.writeString(dir.resolve("Good Edit.md"), "# Good edit\n\nSaved at the same moment.\n");

        Eventually.await(WAIT, () -> status("hostile/Good Edit.md"), s -> s == 200, "the good edit to load");
        for (String name : List.of("Deep List", "Deep Quote", "Leak")) {
            Eventually.await(WAIT, () -> status("hostile/" + name + ".md"), s -> s == 200, name + " to be listed");
        }
        JsonPath leak = given().get("/api/notes/hostile/Leak.md").then().statusCode(200).extract().jsonPath();
        assertFalse(leak.getString("html").contains("hunter2"), "a link out of the vault is not followed");
        assertTrue(leak.getList("problems.kind").contains("unreadable-file"));
        JsonPath deep = given().get("/api/notes/hostile/Deep List.md").then().statusCode(200).extract().jsonPath();
        assertTrue(deep.getString("html").contains("deep"));
        assertTrue(deep.getList("problems.kind").contains("nesting-too-deep"));
        assertEquals(200, given().get("/notes/hostile/Deep Quote").then().extract().statusCode(), "the page renders too");
        Files.delete(outside);
    }

    @Test
    void aNotePastTheRenderDeadlineIsShownAsTextReportedAndBlocksNoOtherPage() throws Exception {
        Path slow = VaultTestResource.vault().resolve("Slow Render.md");
        Files.writeString(slow, "text ![[x]] text\n".repeat(60_000));
        Eventually.await(WAIT, () -> status("Slow Render.md"), s -> s == 200 || s == 500, "the slow note to load");
        given().get("/api/notes/attention/Attention.md").then().statusCode(200); // warm the renderer up

        CompletableFuture<JsonPath> slowPage = CompletableFuture.supplyAsync(
                () -> given().get("/api/notes/Slow Render.md").then().statusCode(200).extract().jsonPath());
        long started = System.nanoTime();
        given().get("/notes/index").then().statusCode(200);
        long otherMillis = (System.nanoTime() - started) / 1_000_000;
        JsonPath note = slowPage.get();

        assertTrue(note.getString("html").contains("could not render"), "shown as its text");
        assertTrue(note.getString("html").contains("text ![[x]] text"), "the text is escaped, not rendered");
        assertTrue(note.getList("problems.kind").contains("render-failed"));
        List<String> kinds = given().get("/api/problems").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.path == 'Slow Render.md' }.kind");
        assertTrue(kinds.contains("render-failed"), kinds.toString());
        assertTrue(otherMillis < 5_000, "another page took " + otherMillis + " ms while the slow one rendered");
        Files.delete(slow);
    }
}
