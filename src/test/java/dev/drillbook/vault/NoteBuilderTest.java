package dev.drillbook.vault;

import dev.drillbook.markdown.MarkdownProblem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One file never stops the vault: whatever is wrong with it becomes a problem of that note. */
class NoteBuilderTest {

    @TempDir
    Path dir;

    private final NoteBuilder builder = new NoteBuilder(TestVault.MARKDOWN, 1_000_000);

    private Path root() throws IOException {
        return dir.toRealPath();
    }

    private NoteContent read(String name, String text) throws IOException {
        Path file = root().resolve(name);
        Files.writeString(file, text);
        return builder.read(root(), file);
    }

    private static String kinds(NoteContent content) {
        return content.fileProblems().stream().map(MarkdownProblem::kind).sorted().toList().toString();
    }

    @Test
    void tenThousandNestedListItemsAreReadWithANestingProblem() throws IOException {
        NoteContent content = read("deep.md", "- ".repeat(10_000) + "deep\n");
        assertEquals("[]", kinds(content), "the file itself is fine");
        assertEquals(List.of(MarkdownProblem.TOO_DEEP), content.facts().problems().stream().map(MarkdownProblem::kind).toList());
        assertTrue(content.facts().sections().get(0).text().endsWith("deep"), "the text is kept");
    }

    @Test
    void aLinkToAFileOutsideTheVaultIsNotFollowed() throws IOException {
        Path outside = Files.createTempFile("secret", ".txt");
        try {
            Files.writeString(outside, "password=hunter2");
            Path link = root().resolve("leak.md");
            Files.createSymbolicLink(link, outside);

            NoteContent content = builder.read(root(), link);

            assertEquals("[" + MarkdownProblem.UNREADABLE + "]", kinds(content));
            assertFalse(content.facts().source().contains("hunter2"));
            assertTrue(content.facts().sections().isEmpty());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aLinkToANoteInsideTheVaultIsRead() throws IOException {
        Path real = root().resolve("real.md");
        Files.writeString(real, "# Real\ntext");
        Path link = root().resolve("alias.md");
        Files.createSymbolicLink(link, real);
        assertEquals("[]", kinds(builder.read(root(), link)));
    }

    @Test
    void aFileLargerThanTheLimitIsNotReadAndSaysWhichSettingRaisesIt() throws IOException {
        NoteContent content = read("big.md", "x".repeat(1_000_001));
        assertEquals("[" + MarkdownProblem.UNREADABLE + "]", kinds(content));
        assertTrue(content.fileProblems().get(0).message().contains("drillbook.vault.max-note-size"));
        assertEquals("", content.hash(), "an unread file has no hash, so it is read again next time");
    }

    @Test
    void bytesThatAreNotUtf8AreShownWithReplacementCharactersAndReported() throws IOException {
        Path file = root().resolve("latin1.md");
        Files.write(file, "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        NoteContent content = builder.read(root(), file);
        assertEquals("[" + MarkdownProblem.UNREADABLE + "]", kinds(content));
        assertTrue(content.facts().source().contains("caf\ufffd"));
    }

    @Test
    void aFileReadAgainWithTheSameBytesKeepsItsFactsAndTakesTheNewTime() throws IOException {
        NoteContent first = read("a.md", "# A\n[[b]]");
        Path file = root().resolve("a.md");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-05-01T10:00:00Z")));

        NoteContent again = builder.read(root(), file, first);

        assertSame(first.facts(), again.facts(), "not parsed again");
        assertEquals(Instant.parse("2031-05-01T10:00:00Z"), again.modified());

        Files.writeString(file, "# A\n[[c]]");
        NoteContent edited = builder.read(root(), file, first);
        assertEquals("c", edited.facts().links().get(0).target());
    }

    @Test
    void brokenFrontMatterIsAProblemAndTheBodyStillRenders() throws IOException {
        NoteContent content = read("fm.md", "---\ntitle: [unclosed\n---\n# Body\n[[x]]");
        assertFalse(content.fileProblems().isEmpty());
        assertEquals(1, content.facts().links().size());
    }

    @Test
    void anyErrorFromTheParserBecomesAProblemOfThatNoteOnly() throws IOException {
        for (Throwable thrown : List.of(new StackOverflowError(), new AssertionError("bug"), new NoClassDefFoundError("x"),
                new ExceptionInInitializerError("static"), new IllegalStateException("state"))) {
            NoteBuilder failing = new NoteBuilder((body, offset) -> {
                throw sneaky(thrown);
            }, 1_000_000);
            Path file = root().resolve("bad.md");
            Files.writeString(file, "---\ntitle: Still titled\n---\nbody text\n");
            NoteContent content = failing.read(root(), file);
            assertEquals("Still titled", content.title(), thrown.toString());
            assertEquals("[" + MarkdownProblem.UNPARSEABLE + "]", kinds(content), thrown.toString());
            assertTrue(content.facts().source().contains("body text"), "the text is kept as plain text");
        }
    }

    @Test
    void runningOutOfMemoryOnOneNoteMakesItUnreadableNotTheVault() throws IOException {
        NoteBuilder failing = new NoteBuilder((body, offset) -> {
            throw new OutOfMemoryError("Java heap space");
        }, 1_000_000);
        NoteContent content = failing.read(root(), Files.writeString(root().resolve("huge.md"), "text"));
        assertEquals("[" + MarkdownProblem.UNREADABLE + "]", kinds(content));
        assertTrue(content.fileProblems().get(0).message().contains("more memory"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
