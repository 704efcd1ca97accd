package dev.drillbook.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives every {@code @QuarkusTest} a private copy of the fixture vault (tests edit files in it), plus the files
 * that cannot live in git: one that is not UTF-8 and one that cannot be read at all (a symlink to itself — a
 * permission-denied file would not fail for root, which CI runs as).
 */
public class VaultTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path FIXTURES = Path.of("src/test/resources/vaults");
    private static Path vault;
    private static Path questions;

    @Override
    public Map<String, String> start() {
        try {
            Path base = Path.of("target", "test-vaults", "run-" + System.nanoTime()).toAbsolutePath();
            vault = base.resolve("notes");
            questions = base.resolve("questions");
            copy(FIXTURES.resolve("basic"), vault);
            if (Files.isDirectory(FIXTURES.resolve("questions"))) {
                copy(FIXTURES.resolve("questions"), questions);
            } else {
                Files.createDirectories(questions);
            }
            Files.write(vault.resolve("broken/Latin1.md"), new byte[] {'#', ' ', 'C', 'a', 'f', (byte) 0xE9, '\n'});
            Files.createSymbolicLink(vault.resolve("broken/Loop.md"), vault.resolve("broken/Loop.md"));
            return Map.of(
                    "drillbook.notes-dir", vault.toString(),
                    "drillbook.questions-dir", questions.toString(),
                    "drillbook.data-dir", base.resolve("data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vault folder the running app reads. */
    public static Path vault() {
        return vault;
    }

    /** The questions folder the running app reads. */
    public static Path questions() {
        return questions;
    }

    @Override
    public void stop() {
        // Left in target/ for inspection after a failed run; `mvn clean` removes it.
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
