package dev.drillbook.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the Mohler set is, if this machine has it ({@code DRILLBOOK_CALIBRATION_MOHLER_FILE}). It is never part of the
 * repository, so tests using it skip without it.
 */
final class MohlerData {

    private MohlerData() {
    }

    static Optional<Path> file() {
        String path = System.getenv("DRILLBOOK_CALIBRATION_MOHLER_FILE");
        return path == null || path.isBlank() || !Files.isRegularFile(Path.of(path)) ? Optional.empty() : Optional.of(Path.of(path));
    }
}
