package dev.drillbook.anki;

import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .apkg files written as Anki writes them, imported through the API, then imported again. */
@QuarkusTest
class ApkgImportTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @AfterEach
    void removeImportedFiles() throws IOException {
        // other test classes read the same questions folder
        Path dir = VaultTestResource.questions().resolve("anki");
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        given().get("/api/cards?deck=Lang/French").then().statusCode(200);
    }

    @Test
    void importsEveryNoteTypeWithMediaTagsAndHistoryThenUpdatesOnReimport() throws Exception {
        Instant now = Instant.now();
        long day = 86_400_000L;
        long created = now.minus(Duration.ofDays(100)).getEpochSecond();
        ApkgFixture f = new ApkgFixture(ApkgFixture.Format.ANKI21B, created);
        long basic = f.basic();
        long reversed = f.reversed();
        long cloze = f.cloze();
        long typeIn = f.typeIn();
        long deck = f.deck("Lang::French");
        long n1 = f.note(basic, "gu1d<-->%%", "ml::x leech", "<b>bonjour</b> \\(x^2\\)", "hello<br>world <img src=\"cat.png\">");
        long n2 = f.note(reversed, "g2", "", "chat", "cat");
        long n3 = f.note(cloze, "g3", "geo", "{{c1::Paris}} is the capital of {{c2::France::country}}", "Since 987");
        long n4 = f.note(typeIn, "g4", "", "Is 2 &lt; 3?", "yes");
        // the first card: three answers in Anki, then Anki's FSRS memory state; due in 10 days (day number since crt)
        long c1 = f.card(n1, deck, 0, 2, 2, 110, 12, 3, 1, "{\"s\":12.5,\"d\":6.25}");
        long start = now.toEpochMilli() - 20 * day;
        f.review(c1, start, 3, 0);
        f.review(c1, start + day, 1, 1);
        f.review(c1, start + 8 * day, 3, 2);
        f.review(c1, start + 9 * day, 0, 4); // manual reschedule: no answer
        f.newCard(n2, deck, 0);
        f.card(n2, deck, 1, 0, -1, 2, 0, 0, 0, ""); // the reverse card is suspended
        f.newCard(n3, deck, 0);
        f.newCard(n3, deck, 1);
        f.newCard(n4, deck, 0);
        f.media("cat.png", PNG);
        f.media("unused.mp3", new byte[] {1});
        Path dir = Files.createTempDirectory("apkg");
        byte[] apkg = Files.readAllBytes(f.write(dir, "french.apkg"));

        JsonPath report = given().contentType("application/octet-stream").body(apkg).post("/api/anki/import")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("collection.anki21b", report.getString("format"));
        assertEquals(List.of("questions/anki/lang-french.md"), report.getList("files"));
        assertEquals(4, report.getInt("notes"));
        assertEquals(4, report.getInt("newNotes"));
        assertEquals(6, report.getInt("cards"));
        assertEquals(1, report.getInt("media"));
        assertEquals(3, report.getInt("reviewsReplayed"));
        assertEquals(1, report.getInt("memoryStates"));
        assertEquals(1, report.getInt("suspended"));
        String lost = String.join("\n", report.getList("notImported"));
        assertTrue(lost.contains("1 review log entries that record no answer"), lost);
        assertTrue(lost.contains("unused.mp3"), lost);

        Path file = VaultTestResource.questions().resolve("anki/lang-french.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("deck: \"Lang/French\""), text);
        assertTrue(text.contains("**bonjour** $x^2$\n?\nhello\nworld ![](/api/anki/media/cat.png)\n#ml/x #leech"), text);
        assertTrue(text.contains("{{c1::Paris}} is the capital of {{c2::France::country}}\nSince 987\n#geo"), text);
        assertTrue(text.contains("Is 2 < 3?\n?\nyes"), "type-in: the answer is shown on the back\n" + text);
        assertFalse(text.contains("gu1d<-->"), "the guid cannot end the comment");
        assertArrayEquals(PNG, Files.readAllBytes(VaultTestResource.questions().resolve("anki/attachments/cat.png")));
        assertArrayEquals(PNG, given().get("/api/anki/media/cat.png").then().statusCode(200).extract().asByteArray());
        given().get("/api/anki/media/..%2F..%2Fx").then().statusCode(404);

        List<Map<String, Object>> cards = given().get("/api/cards?deck=Lang/French").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(6, cards.size(), cards.toString());
        assertEquals(2, cards.stream().filter(c -> "cloze".equals(c.get("kind"))).count());
        assertTrue(cards.stream().anyMatch(c -> "cat".equals(c.get("front")) && "chat".equals(c.get("back"))), "the reverse card");
        Map<String, Object> first = cards.stream().filter(c -> String.valueOf(c.get("front")).startsWith("**bonjour**")).findFirst().orElseThrow();
        assertEquals(3, ((Number) first.get("reps")).intValue());
        assertEquals(12.5, ((Number) first.get("stability")).doubleValue(), 1e-9, "Anki's FSRS stability taken over");
        assertEquals(6.25, ((Number) first.get("difficulty")).doubleValue(), 1e-9);
        assertEquals(Instant.ofEpochSecond(created).plus(Duration.ofDays(110)), Instant.parse((String) first.get("due")));
        assertTrue(String.valueOf(first.get("tags")).contains("ml/x"), String.valueOf(first.get("tags")));
        assertEquals(3, given().get("/api/cards/" + first.get("id") + "/reviews").then().extract().jsonPath().getList("id").size());

        // the same package again: same cards, nothing replayed twice
        JsonPath again = given().contentType("application/octet-stream").body(apkg).post("/api/anki/import")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(4, again.getInt("updatedNotes"));
        assertEquals(0, again.getInt("newNotes"));
        assertEquals(0, again.getInt("reviewsReplayed"));
        assertEquals(3, again.getInt("reviewsAlreadyThere"));
        assertEquals(List.of("questions/anki/lang-french.md"), again.getList("files"));
        List<String> ids = given().get("/api/cards?deck=Lang/French").then().extract().jsonPath().getList("id");
        assertEquals(cards.stream().map(c -> c.get("id")).sorted().toList(), ids.stream().sorted().toList(), "no duplicates");
        assertEquals(text, Files.readString(file, StandardCharsets.UTF_8));

        // and back to Anki: the same guids, note types and tags (not as text)
        Path out = dir.resolve("back.apkg");
        Files.write(out, given().get("/api/anki/export.apkg?deck=Lang/French").then().statusCode(200).extract().asByteArray());
        Path db = dir.resolve("back.anki21");
        try (var zip = new java.util.zip.ZipFile(out.toFile())) {
            Files.write(db, zip.getInputStream(zip.getEntry("collection.anki21")).readAllBytes());
        }
        assertEquals("g2,g3,g4,gu1d<-->%%", ApkgExportTest.sqlite(db, "select group_concat(guid, ',') from (select guid from notes order by guid)"));
        assertEquals(String.valueOf(AnkiExporter.REVERSED) + "|2", ApkgExportTest.sqlite(db,
                "select n.mid || '|' || count(c.id) from notes n join cards c on c.nid = n.id where n.guid = 'g2' group by n.id"));
        assertEquals(String.valueOf(AnkiExporter.CLOZE) + "|2", ApkgExportTest.sqlite(db,
                "select n.mid || '|' || count(c.id) from notes n join cards c on c.nid = n.id where n.guid = 'g3' group by n.id"));
        String clozeFields = ApkgExportTest.sqlite(db, "select flds from notes where guid = 'g3'");
        assertTrue(clozeFields.contains("{{c1::Paris}}") && clozeFields.contains("{{c2::France::country}}") && !clozeFields.contains("#geo"), clozeFields);
        assertEquals("[ ml::x leech drillbook ]", ApkgExportTest.sqlite(db, "select '[' || tags || ']' from notes where guid like 'gu1d%'"));
        assertFalse(ApkgExportTest.sqlite(db, "select flds from notes where guid like 'gu1d%'").contains("#ml"));
        assertTrue(ApkgExportTest.sqlite(db, "select decks from col").contains("\"name\":\"Lang::French\""));
        assertEquals("3", ApkgExportTest.sqlite(db, "select count(*) from revlog"));
    }

    @Test
    void legacyPackagesAndHostileNamesStayInsideTheAttachmentsFolder() throws Exception {
        ApkgFixture f = new ApkgFixture(ApkgFixture.Format.ANKI2, Instant.now().getEpochSecond() - 86_400);
        long basic = f.basic();
        long deck = f.deck("Lang::French");
        f.newCard(f.note(basic, "h1", "", "evil <img src=\"../../evil.png\">", "x"), deck, 0);
        f.media("../../evil.png", PNG);
        f.entry("../../zip-slip.txt", "owned".getBytes(StandardCharsets.UTF_8));
        Path dir = Files.createTempDirectory("apkg");
        JsonPath report = given().multiPart("file", f.write(dir, "old.apkg").toFile(), "application/octet-stream").post("/api/anki/import")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("collection.anki2", report.getString("format"));
        assertTrue(Files.isRegularFile(VaultTestResource.questions().resolve("anki/attachments/evil.png")));
        assertFalse(Files.exists(VaultTestResource.questions().resolve("evil.png")));
        assertFalse(Files.exists(VaultTestResource.questions().getParent().resolve("zip-slip.txt")));
        assertFalse(Files.exists(VaultTestResource.questions().resolve("zip-slip.txt")));
    }

    @Test
    void badUploadsAreRefusedWithAReason() {
        given().contentType("application/octet-stream").body("not a zip".getBytes(StandardCharsets.UTF_8)).post("/api/anki/import")
                .then().statusCode(400).body(containsString("not an Anki package"));
        given().contentType("application/octet-stream").body(new byte[0]).post("/api/anki/import").then().statusCode(400);
        given().contentType("application/octet-stream").body(new byte[3 * 1024 * 1024]).post("/api/anki/import")
                .then().statusCode(413).body(containsString("max-package-size"));
        given().multiPart("other", "x").post("/api/anki/import").then().statusCode(400).body(containsString("Choose a file"));
    }
}
