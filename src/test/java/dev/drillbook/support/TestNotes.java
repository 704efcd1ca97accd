package dev.drillbook.support;

import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Notes read from a folder or from text the way the vault reads them, for tests that need no link resolution. */
public final class TestNotes {

    public static final NoteBuilder BUILDER = new NoteBuilder(new ObsidianMarkdown(), 5_000_000);

    private TestNotes() {
    }

    /** A note of {@code text} at {@code path}, its links left unresolved. */
    public static Note note(String path, String text) {
        return Note.of(BUILDER.build(path, text, Instant.EPOCH, text.length()), List.of(), 0);
    }

    /** Every Markdown file under {@code root}, by vault path. */
    public static Map<String, Note> folder(Path root) throws IOException {
        Map<String, Note> notes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String path = VaultPaths.relative(root, file);
                notes.put(path, Note.of(BUILDER.read(root.toAbsolutePath().normalize(), file.toAbsolutePath().normalize()),
                        List.of(), 0));
            }
        }
        return notes;
    }
}
