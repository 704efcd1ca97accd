package dev.drillbook.review.optimizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * py-fsrs's public test review log (12,580 answers, MIT), read where the team keeps it — {@code ../shared/datasets/fsrs/}
 * next to the checkout (any folder above the repository is tried, so a worktree finds it too) — or from the path in
 * the system property {@code drillbook.fsrs.review-log}. Never copied into the repository; tests that need it are
 * skipped when it is absent.
 */
public final class JoshLog {

    static final String PROPERTY = "drillbook.fsrs.review-log";
    private static final Path RELATIVE = Path.of("shared", "datasets", "fsrs", "review_logs_josh.csv");

    /** One line of the file: the answer and how long it took. */
    public record Row(ReviewHistory.Answer answer, long durationMillis) {
    }

    private JoshLog() {
    }

    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The rows, or the test is skipped (JUnit assumption) when the file is not here. */
    public static List<Row> rowsOrSkip() {
        Optional<Path> path = find();
        assumeTrue(path.isPresent(), "py-fsrs's review_logs_josh.csv not found (../shared/datasets/fsrs/ or -D" + PROPERTY + ")");
        try {
            List<Row> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(path.get());
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(new ReviewHistory.Answer(f[0], OffsetDateTime.parse(f[2]).toInstant(), Integer.parseInt(f[1])),
                        Long.parseLong(f[3])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReviewHistory historyOrSkip() {
        return ReviewHistory.of(rowsOrSkip().stream().map(Row::answer).toList());
    }
}
