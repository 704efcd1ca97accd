package dev.drillbook.anki;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads real package files (SQLite collections zipped as Anki does) of each format. */
class AnkiPackageTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ApkgFixture.Format.class)
    void readsNoteTypesDecksNotesCardsReviewsAndMedia(ApkgFixture.Format format) throws Exception {
        ApkgFixture f = new ApkgFixture(format, 1_700_000_000L);
        long basic = f.basic();
        long cloze = f.cloze();
        long deck = f.deck("Lang::French");
        long n1 = f.note(basic, "g1", "ml::x", "<b>bonjour</b>", "hello");
        long n2 = f.note(cloze, "g2", "", "{{c1::Paris}} is in {{c2::France}}", "");
        long c1 = f.card(n1, deck, 0, 2, 2, 30, 12, 3, 0, "{\"s\":12.5,\"d\":4.2}");
        f.newCard(n2, deck, 0);
        f.newCard(n2, deck, 1);
        f.review(c1, 1_700_000_100_000L, 3, 0);
        f.media("cat.png", new byte[] {1, 2, 3});
        Path file = f.write(dir, "deck.apkg");

        try (AnkiPackage p = AnkiPackage.open(file, 1 << 20)) {
            assertEquals(format == ApkgFixture.Format.ANKI21B ? "collection.anki21b"
                    : format == ApkgFixture.Format.ANKI21 ? "collection.anki21" : "collection.anki2", p.format());
            assertEquals(1_700_000_000L, p.createdSeconds());
            AnkiPackage.NoteType b = p.noteTypes().get(basic);
            assertEquals("Basic", b.name());
            assertFalse(b.cloze());
            assertEquals(List.of("Front", "Back"), b.fields());
            assertEquals("{{Front}}", b.templates().get(0).question());
            assertTrue(p.noteTypes().get(cloze).cloze());
            assertEquals("Lang::French", p.decks().get(deck));
            assertEquals(List.of("<b>bonjour</b>", "hello"), p.notes().get(0).fields());
            assertEquals(List.of("ml::x"), p.notes().get(0).tags());
            assertEquals("g1", p.notes().get(0).guid());
            AnkiPackage.Card card = p.cards().stream().filter(c -> c.id() == c1).findFirst().orElseThrow();
            assertEquals(12.5, card.stability());
            assertEquals(4.2, card.difficulty());
            assertEquals(30, card.due());
            assertNull(p.cards().stream().filter(c -> c.noteId() == n2).findFirst().orElseThrow().stability());
            assertEquals(List.of(new AnkiPackage.Review(1_700_000_100_000L, c1, 3, 0)), p.reviews());
            assertEquals(java.util.Set.of("cat.png"), p.mediaNames());
            try (InputStream in = p.media("cat.png").orElseThrow()) {
                assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes(), "zstd media decompressed");
            }
        }
    }

    @Test
    void refusesWhatIsNotAPackageWithAReadableMessage() throws Exception {
        Path junk = dir.resolve("junk.apkg");
        Files.writeString(junk, "SQLite format 3 but not really", StandardCharsets.UTF_8);
        assertTrue(assertThrows(AnkiService.BadImport.class, () -> AnkiPackage.open(junk, 1 << 20)).getMessage().contains("zip"));

        Path empty = dir.resolve("empty.apkg");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(empty))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("media"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(assertThrows(AnkiService.BadImport.class, () -> AnkiPackage.open(empty, 1 << 20)).getMessage()
                .contains("no Anki collection"));
    }

    @Test
    void aCollectionThatUnpacksBeyondTheLimitIsRefused() throws Exception {
        ApkgFixture f = new ApkgFixture(ApkgFixture.Format.ANKI21B, 1_700_000_000L);
        long basic = f.basic();
        for (int i = 0; i < 200; i++) {
            f.newCard(f.note(basic, "g" + i, "", "x".repeat(2000), "y"), 1, 0);
        }
        Path file = f.write(dir, "big.apkg");
        assertTrue(Files.size(file) < 100_000, "compresses well");
        var e = assertThrows(AnkiService.BadImport.class, () -> AnkiPackage.open(file, 100_000));
        assertTrue(e.getMessage().contains("unpacks to more than"), e.getMessage());
    }
}
