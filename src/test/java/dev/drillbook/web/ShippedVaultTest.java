package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app started on the vault and question bank that ship in the repository (not a fixture): the problems page is
 * empty, every note renders, and every link a note makes to a page of the site (drills, review, stats) opens.
 */
@QuarkusTest
@TestProfile(ShippedVaultTest.ShippedContent.class)
class ShippedVaultTest {

    public static class ShippedContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "drillbook.notes-dir", Path.of("notes").toAbsolutePath().toString(),
                    "drillbook.questions-dir", Path.of("questions").toAbsolutePath().toString(),
                    "drillbook.data-dir", Path.of("target", "shipped-vault-" + System.nanoTime()).toAbsolutePath().toString());
        }

        /** Not the fixture vault every other test gets. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final Pattern SITE_HREF = Pattern.compile("href=\"(/[^\"#?]*)");

    @Test
    void theProblemsPageIsEmptyForTheShippedContent() {
        List<Map<String, Object>> problems = given().get("/api/problems").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(List.of(), problems);
        given().get("/problems").then().statusCode(200);
    }

    @Test
    void everyNoteRendersWithoutProblemsAndItsSiteLinksOpen() {
        List<String> paths = given().get("/api/notes").then().statusCode(200).extract().jsonPath().getList("path");
        assertTrue(paths.size() >= 90, "notes: " + paths.size());
        List<String> bad = new ArrayList<>();
        TreeSet<String> siteLinks = new TreeSet<>();
        for (String path : paths) {
            JsonPath note = given().get("/api/notes/" + path).then().statusCode(200).extract().jsonPath();
            if (!note.getList("problems").isEmpty()) {
                bad.add(path + ": " + note.getList("problems"));
            }
            String html = note.getString("html");
            if (html == null || html.isBlank()) {
                bad.add(path + ": no html");
                continue;
            }
            Matcher m = SITE_HREF.matcher(html);
            while (m.find()) {
                siteLinks.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(siteLinks.stream().anyMatch(l -> l.startsWith("/drills/drills/")), "notes link drill pages: " + siteLinks);
        for (String link : siteLinks) {
            int status = given().accept("text/html").get(link).then().extract().statusCode();
            if (status != 200) {
                bad.add(link + " → " + status);
            }
        }
        assertEquals(List.of(), bad, "links from notes to pages of the site");
    }
}
