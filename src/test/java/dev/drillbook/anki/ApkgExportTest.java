package dev.drillbook.anki;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
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
import java.util.zip.ZipFile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported .apkg read back with the sqlite3 command-line tool (not with our own code), against the tables and columns
 * of Anki's schema 11 ({@code rslib/src/storage/schema11.sql}).
 */
@QuarkusTest
class ApkgExportTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    /** Columns of Anki's schema 11 tables, in order. */
    private static final Map<String, String> SCHEMA11 = Map.of(
            "col", "id,crt,mod,scm,ver,dty,usn,ls,conf,models,decks,dconf,tags",
            "notes", "id,guid,mid,mod,usn,tags,flds,sfld,csum,flags,data",
            "cards", "id,nid,did,ord,mod,usn,type,queue,due,ivl,factor,reps,lapses,left,odue,odid,flags,data",
            "revlog", "id,cid,usn,ease,ivl,lastIvl,factor,time,type",
            "graves", "usn,oid,type");

    private Path file;

    @AfterEach
    void cleanUp() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        Path dir = VaultTestResource.questions().resolve("anki");
        if (Files.isDirectory(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void exportsNoteTypesClozesTagsMediaScheduleAndHistoryThatSqliteReadsAsAnkiSchema() throws Exception {
        Path media = VaultTestResource.questions().resolve("anki/attachments");
        Files.createDirectories(media);
        Files.write(media.resolve("pic.png"), PNG);
        file = VaultTestResource.questions().resolve("exporttest.md");
        Files.writeString(file, """
                ---
                deck: exporttest/sub
                tags: [ml/x]
                ---
                What is [[Attention]]? :: A weighting ![](/api/anki/media/pic.png)

                Chat ::: Cat

                The ==KV cache== grows ==linearly== with $n$.
                """, StandardCharsets.UTF_8);
        List<Map<String, Object>> cards = Eventually.await(Duration.ofSeconds(15),
                () -> given().get("/api/cards?deck=exporttest/sub").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$"),
                l -> l.size() == 5, "cards loaded");
        String id = cards.stream().filter(c -> String.valueOf(c.get("front")).startsWith("What is")).findFirst().orElseThrow().get("id").toString();
        Instant t1 = Instant.now().minus(Duration.ofDays(5));
        given().contentType("text/csv").body("card_id,review_time,rating\n" + id + "," + t1 + ",3\n" + id + "," + t1.plus(Duration.ofDays(2)) + ",3\n")
                .post("/api/anki/history").then().statusCode(200);

        byte[] apkg = given().get("/api/anki/export.apkg?deck=exporttest").then().statusCode(200).extract().asByteArray();
        Path dir = Files.createTempDirectory("export");
        Path pkg = dir.resolve("out.apkg");
        Files.write(pkg, apkg);
        Path db = dir.resolve("collection.anki21");
        try (ZipFile zip = new ZipFile(pkg.toFile())) {
            Files.write(db, zip.getInputStream(zip.getEntry("collection.anki21")).readAllBytes());
            assertEquals("{\"0\":\"pic.png\"}", new String(zip.getInputStream(zip.getEntry("media")).readAllBytes(), StandardCharsets.UTF_8));
            assertArrayEquals(PNG, zip.getInputStream(zip.getEntry("0")).readAllBytes());
        }

        assertEquals("ok", sqlite(db, "pragma integrity_check"));
        for (Map.Entry<String, String> t : SCHEMA11.entrySet()) {
            assertEquals(t.getValue(), sqlite(db, "select group_concat(name, ',') from pragma_table_info('" + t.getKey() + "')"), t.getKey());
        }
        assertEquals("11", sqlite(db, "select ver from col"));
        String models = sqlite(db, "select models from col");
        assertTrue(models.contains("\"name\":\"Cloze\",\"type\":1"), models);
        assertTrue(models.contains("\"name\":\"Basic (and reversed card)\""), models);
        assertEquals("3", sqlite(db, "select count(*) from notes"), "basic, basic-and-reversed, one cloze note for two deletions");
        assertEquals("5", sqlite(db, "select count(*) from cards"));
        assertEquals("2", sqlite(db, "select count(*) from cards where nid = (select id from notes where flds like '%KV cache%')"));
        String cloze = sqlite(db, "select flds from notes where flds like '%KV cache%'");
        assertTrue(cloze.contains("{{c1::KV cache}}") && cloze.contains("{{c2::linearly}}") && cloze.contains("\\(n\\)"), cloze);
        String basic = sqlite(db, "select flds from notes where flds like 'What is%' or flds like '%What is%'");
        assertTrue(basic.contains("What is Attention?"), "a link into Drillbook is plain text: " + basic);
        assertFalse(basic.contains("href=\"/"), basic);
        assertTrue(basic.contains("<img src=\"pic.png\""), basic);
        assertEquals("[ ml::x drillbook ]", sqlite(db, "select '[' || tags || ']' from notes limit 1"));
        assertTrue(sqlite(db, "select decks from col").contains("\"name\":\"Drillbook::exporttest::sub\""));
        // every card's note type, note and deck exist
        assertEquals("0", sqlite(db, "select count(*) from cards where nid not in (select id from notes)"));
        assertEquals("0", sqlite(db, "select count(*) from notes n where instr((select models from col), '\"id\":' || n.mid) = 0"));
        assertEquals("0", sqlite(db, "select count(*) from cards c where instr((select decks from col), '\"id\":' || c.did) = 0"));
        // the reviewed card: in review, FSRS memory in data, two answers in the revlog
        String reviewed = sqlite(db, "select c.type || '|' || c.queue || '|' || c.reps || '|' || (c.ivl > 0) || '|' || (json_extract(c.data, '$.s') > 0)"
                + " from cards c join notes n on n.id = c.nid where n.flds like '%What is%'");
        assertEquals("2|2|2|1|1", reviewed);
        assertEquals("2", sqlite(db, "select count(*) from revlog"));
        assertEquals("3,3", sqlite(db, "select group_concat(ease, ',') from revlog"));
        assertEquals("0", sqlite(db, "select count(*) from cards where type = 0 and queue <> 0"));

        // the plain-text export still works
        String text = given().get("/api/anki/export?deck=exporttest").then().statusCode(200).extract().asString();
        assertTrue(text.startsWith("#separator:tab\n"), text);
    }

    static String sqlite(Path db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-readonly", db.toString(), sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
