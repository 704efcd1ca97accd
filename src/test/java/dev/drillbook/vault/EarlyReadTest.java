package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

class EarlyReadTest {

    @TempDir
    Path vault;

    private static Map<String, Vault.Source> byPath(List<Vault.Source> sources) {
        return sources.stream().collect(Collectors.toMap(Vault.Source::path, Function.identity()));
    }

    private static List<Path> markdown(Path root) throws Exception {
        return Vault.listFiles(root).stream().filter(f -> f.toString().endsWith(".md")).toList();
    }

    @Test
    void filesThatChangedCameOrWentSinceTheEarlyReadAreReadAgain() throws Exception {
        Files.writeString(vault.resolve("Kept.md"), "---\ntags: [kept]\n---\nSame as before.\n");
        Files.writeString(vault.resolve("Edited.md"), "---\ntags: [old]\n---\nFirst version.\n");
        Files.writeString(vault.resolve("Removed.md"), "Soon gone.\n");
        Files.createDirectories(vault.resolve(".obsidian"));
        Files.writeString(vault.resolve(".obsidian/Hidden.md"), "Never a note.\n");
        Path root = vault.toAbsolutePath().normalize();
        EarlyRead.Result early = EarlyRead.read(root);
        assertEquals(java.util.Set.of("Kept.md", "Edited.md", "Removed.md"), early.sources().keySet());
        assertEquals(early.sources().keySet(), early.notes().keySet());
        List<Vault.Source> same = early.upToDate(markdown(root));
        assertSame(early.notes(), early.notesIfUnchanged(Vault.listFiles(root), same), "nothing changed: the notes are kept");

        // what happens on disk between the early read and the vault's own start
        Files.writeString(vault.resolve("Edited.md"), "---\ntags: [new, longer]\n---\nSecond, longer version.\n");
        Files.setLastModifiedTime(vault.resolve("Edited.md"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.delete(vault.resolve("Removed.md"));
        Files.writeString(vault.resolve("Added.md"), "New note.\n");

        List<Vault.Source> current = early.upToDate(markdown(root));
        assertNull(early.notesIfUnchanged(Vault.listFiles(root), current), "files changed: every note is built again");
        Map<String, Vault.Source> now = byPath(current);
        assertEquals(java.util.Set.of("Kept.md", "Edited.md", "Added.md"), now.keySet());
        assertSame(early.sources().get("Kept.md"), now.get("Kept.md"), "an unchanged file is not read again");
        assertNotSame(early.sources().get("Edited.md"), now.get("Edited.md"));
        assertEquals(List.of("new", "longer"), now.get("Edited.md").frontMatter().tags());
        assertTrue(now.get("Added.md").frontMatter().body().contains("New note."));
    }

    @Test
    void anEditThatKeepsTheFileSetStillRebuildsEveryNote() throws Exception {
        Files.writeString(vault.resolve("A.md"), "Links to [[B]].\n");
        Files.writeString(vault.resolve("B.md"), "Plain.\n");
        Path root = vault.toAbsolutePath().normalize();
        EarlyRead.Result early = EarlyRead.read(root);
        // B gains an alias: how links elsewhere resolve may change, so the notes built early are not kept
        Files.writeString(vault.resolve("B.md"), "---\naliases: [Bee]\n---\nPlain.\n");
        Files.setLastModifiedTime(vault.resolve("B.md"), FileTime.from(Instant.now().plusSeconds(5)));
        assertNull(early.notesIfUnchanged(Vault.listFiles(root), early.upToDate(markdown(root))));
    }

    @Test
    void notesBuiltEarlyRenderTheirLinksWithTheIndexTheyAreHandedTo() throws Exception {
        Files.writeString(vault.resolve("A.md"), "Links to [[B]].\n");
        Files.writeString(vault.resolve("B.md"), "Plain.\n");
        Path root = vault.toAbsolutePath().normalize();
        EarlyRead.Result early = EarlyRead.read(root);
        // the vault's own index, which (say) no longer knows B by the time A is first rendered
        NameIndex live = new NameIndex();
        live.add("A.md", List.of());
        early.resolveWith(live);
        String html = early.notes().get("A.md").html().get().joined();
        String resolvedHtml = EarlyRead.read(root).notes().get("A.md").html().get().joined();
        assertTrue(!html.equals(resolvedHtml), "rendered with the handed-over index:\n" + html + "\nvs\n" + resolvedHtml);
        assertTrue(resolvedHtml.contains("B"), resolvedHtml);
    }

    @Test
    void aReadOfAnotherFolderIsDroppedAndAReadIsTakenOnce() throws Exception {
        Files.writeString(vault.resolve("Note.md"), "Text.\n");
        Path root = vault.toAbsolutePath().normalize();
        EarlyRead.startFor(root);
        assertNull(EarlyRead.take(root.resolve("elsewhere")), "read for another folder");
        assertNull(EarlyRead.take(root), "already taken (and dropped)");

        EarlyRead.startFor(root);
        EarlyRead.Result result = EarlyRead.take(root);
        assertEquals(java.util.Set.of("Note.md"), result.sources().keySet());
        assertNull(EarlyRead.take(root));
    }
}
