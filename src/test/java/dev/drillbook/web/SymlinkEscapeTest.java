package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Links (symlinks) in the notes and questions folders that lead outside them are never read, on any route (issue 26
 * #4): note pages and JSON, search, attachments, drill and card files, the questions source view.
 */
@QuarkusTest
class SymlinkEscapeTest {

    private static final String SECRET = "hunter2-outside-the-vault";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void nothingOutsideTheFoldersIsShownThroughALink() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        Path note = Files.writeString(outside.resolve("secret.md"), "# Secret\n\n" + SECRET + "\n\nWhat is it? :: " + SECRET + "\n");
        Path drill = Files.writeString(outside.resolve("drill.md"), "---\ntype: drill\ntitle: Leaked drill " + SECRET
                + "\n---\nExplain " + SECRET + "\n");
        Path image = Files.writeString(outside.resolve("secret.png"), SECRET);
        Path vault = VaultTestResource.vault();
        Path questions = VaultTestResource.questions();
        Files.createSymbolicLink(vault.resolve("leak.md"), note);
        Files.createSymbolicLink(vault.resolve("leak.png"), image);
        Files.createSymbolicLink(vault.resolve("leakdir"), outside);
        Files.createSymbolicLink(questions.resolve("leak-cards.md"), note);
        Files.createSymbolicLink(questions.resolve("leak-drill.md"), drill);
        Files.writeString(vault.resolve("Embeds Leak.md"), "# Embeds\n\n![[leak]]\n\n![[leak.png]]\n");

        Eventually.await(WAIT, () -> given().get("/api/notes/leak.md").then().extract().statusCode(), s -> s == 200,
                "the link to be listed (as unreadable)");
        Eventually.await(WAIT, () -> given().get("/api/notes/Embeds Leak.md").then().extract().statusCode(), s -> s == 200,
                "the embedding note to load");
        Eventually.await(WAIT, () -> given().get("/api/problems").then().extract().asString(),
                b -> b.contains("questions/leak-drill.md"), "the drill link to be reported");

        String leakJson = given().get("/api/notes/leak.md").then().statusCode(200).extract().asString();
        assertFalse(leakJson.contains(SECRET), leakJson);
        assertTrue(leakJson.contains("unreadable-file"));
        for (String url : new String[] {"/notes/leak", "/api/notes/Embeds Leak.md", "/notes/Embeds Leak",
                "/api/search?q=" + SECRET, "/api/drills", "/api/cards", "/api/problems", "/drills",
                "/questions", "/api/graph", "/tags"}) {
            String body = given().get(url).then().extract().asString();
            assertFalse(body.contains(SECRET), url + " shows the file outside the vault");
        }
        for (String url : new String[] {"/files/leak.png", "/files/leakdir/secret.png", "/files/leakdir/secret.md",
                "/notes/leakdir/secret", "/api/notes/leakdir/secret.md", "/questions/leak-drill.md", "/questions/leak-cards.md"}) {
            given().get(url).then().statusCode(404);
        }
        for (Path p : new Path[] {vault.resolve("leak.md"), vault.resolve("leak.png"), vault.resolve("leakdir"),
                questions.resolve("leak-cards.md"), questions.resolve("leak-drill.md"), vault.resolve("Embeds Leak.md")}) {
            Files.delete(p);
        }
    }
}
