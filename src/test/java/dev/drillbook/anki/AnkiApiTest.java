package dev.drillbook.anki;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trip through Anki's text format, and review history replayed through the scheduler. */
@QuarkusTest
class AnkiApiTest {

    @Test
    void exportImportRoundTripThenReplayHistory() throws Exception {
        try {
            roundTrip();
        } finally {
            // other test classes read the same questions folder: remove the imported files again
            Path dir = VaultTestResource.questions().resolve("anki");
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
            Eventually.await(Duration.ofSeconds(10), () -> given().get("/api/cards?deck=Drillbook/rag").then().extract().jsonPath().getList("id"),
                    List::isEmpty, "imported cards removed");
        }
    }

    @Test
    void plainTextHeadersAreMappedAsAnkiDoes() throws Exception {
        String text = "#separator:Semicolon\n#html:false\n#notetype column:1\n#deck column:2\n#guid column:3\n#tags column:6\n"
                + "Basic;Maths::Basics;g-1;Is 2 < 3 and 5 > 4?;Yes;ml::x\n"
                + "Basic (and reversed card);Maths::Basics;g-2;two;zwei;\n"
                + "Cloze;Maths::Basics;g-3;{{c1::Paris}} is in {{c2::France}};;geo\n";
        try {
            JsonPath report = given().contentType("text/plain").body(text).post("/api/anki/import").then().statusCode(201).extract().jsonPath();
            assertEquals(List.of("questions/anki/maths-basics.md"), report.getList("files"));
            assertEquals(3, report.getInt("notes"));
            assertEquals(5, Eventually.await(Duration.ofSeconds(10),
                    () -> given().get("/api/cards?deck=Maths/Basics").then().extract().jsonPath().getList("front").size(), n -> n == 5, "cards"));
            List<String> fronts = given().get("/api/cards?deck=Maths/Basics").then().extract().jsonPath().getList("front");
            assertTrue(fronts.contains("Is 2 < 3 and 5 > 4?"), "#html:false keeps < and > literal: " + fronts);
            assertTrue(fronts.contains("zwei"), "the reverse card: " + fronts);
            String file = Files.readString(VaultTestResource.questions().resolve("anki/maths-basics.md"));
            assertTrue(file.contains("Is 2 < 3 and 5 > 4?\n?\nYes\n#ml/x"), file);
            assertTrue(file.contains("guid=g-1 "), file);
            String tags = given().get("/api/cards?deck=Maths/Basics").then().extract().jsonPath().getString("find { it.front.startsWith('Is 2') }.tags");
            assertTrue(tags.contains("ml/x"), tags);
            assertEquals(2, given().get("/api/cards?deck=Maths/Basics").then().extract().jsonPath().getList("findAll { it.kind == 'cloze' }").size());
            // the same guids again, one answer edited: updated in place
            JsonPath again = given().contentType("text/plain").body(text.replace(";Yes;", ";Yes, it is;")).post("/api/anki/import")
                    .then().statusCode(201).extract().jsonPath();
            assertEquals(3, again.getInt("updatedNotes"));
            assertTrue(Files.readString(VaultTestResource.questions().resolve("anki/maths-basics.md")).contains("?\nYes, it is\n"));
        } finally {
            Path dir = VaultTestResource.questions().resolve("anki");
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private void roundTrip() {
        List<String> fronts = given().get("/api/cards?deck=rag").then().statusCode(200).extract().jsonPath().getList("front");
        String exported = given().get("/api/anki/export?deck=rag").then().statusCode(200).extract().asString();
        assertTrue(exported.startsWith("#separator:tab\n#html:true\n#notetype:Basic\n#deck column:3\n#tags column:4\n"), exported);
        assertTrue(exported.contains("\tDrillbook::rag\t"));
        assertEquals(fronts.size(), exported.lines().filter(l -> !l.startsWith("#")).count());

        JsonPath imported = given().contentType("text/plain").body(exported).post("/api/anki/import").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("questions/anki/drillbook-rag.md"), imported.getList("files"));
        assertEquals(fronts.size(), imported.getInt("cards"));
        List<String> back = Eventually.await(Duration.ofSeconds(10),
                () -> given().get("/api/cards?deck=Drillbook/rag").then().statusCode(200).extract().jsonPath().<String>getList("front"),
                l -> l.size() == fronts.size(), "imported cards loaded");
        assertEquals(fronts.stream().sorted().toList(), back.stream().sorted().toList(), "the same questions came back");
        // importing the same file again updates the same cards (notes matched by note type and first field)
        JsonPath again = given().contentType("text/plain").body(exported).post("/api/anki/import").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("questions/anki/drillbook-rag.md"), again.getList("files"));
        assertEquals(fronts.size(), again.getInt("updatedNotes"));
        assertEquals(fronts.size(), given().get("/api/cards?deck=Drillbook/rag").then().extract().jsonPath().getList("id").size());

        String id = given().get("/api/cards?deck=Drillbook/rag").then().extract().jsonPath().getString("[0].id");
        Instant day1 = Instant.now().minus(Duration.ofDays(10));
        Instant day4 = day1.plus(Duration.ofDays(3));
        String csv = "card_id,review_time,review_rating\n" + id + "," + day4.toEpochMilli() + ",3\n" + id + "," + day1 + ",good\n"
                + "nope,2026-01-01T00:00:00Z,3\n" + id + ",yesterday,3\n";
        JsonPath replay = given().contentType("text/csv").body(csv).post("/api/anki/history").then().statusCode(200).extract().jsonPath();
        assertEquals(2, replay.getInt("answers"), "replayed in time order");
        assertEquals(2, replay.getList("problems").size(), replay.getList("problems").toString());
        JsonPath card = given().get("/api/cards/" + id).then().extract().jsonPath();
        assertEquals(2, card.getInt("reps"));
        assertEquals(day4.toEpochMilli() / 1000, Instant.parse(card.getString("lastReview")).toEpochMilli() / 1000);
        assertEquals(2, given().get("/api/cards/" + id + "/reviews").then().extract().jsonPath().getList("id").size());

        given().contentType("text/csv").body("just,a,header\n").post("/api/anki/history").then().statusCode(400);
        given().contentType("text/plain").body("").post("/api/anki/import").then().statusCode(400);
    }
}
