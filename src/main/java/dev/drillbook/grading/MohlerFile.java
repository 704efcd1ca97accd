package dev.drillbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Mohler et al. (2011) short-answer grading set (tab-separated, as described in the calibration section of
 * README). Drillbook never ships the file: the user points {@code drillbook.calibration.mohler-file} at their copy.
 */
public final class MohlerFile {

    /** One human-graded answer; {@code grade} is the two graders' average on 0–5. */
    public record Row(String questionId, String question, String reference, String answer, double grade) {
    }

    private MohlerFile() {
    }

    public static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("id\t")) {
            throw new IOException(file.getFileName() + " does not start with the expected header (id, assignment, question, …).");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t", -1);
            if (c.length < 10) {
                throw new IOException("Line " + (i + 1) + " of " + file.getFileName() + " has " + c.length + " columns, expected 10.");
            }
            try {
                rows.add(new Row(c[0], c[2], c[3], c[4], Double.parseDouble(c[9])));
            } catch (NumberFormatException e) {
                throw new IOException("Line " + (i + 1) + " of " + file.getFileName() + ": grade_avg_0to5 is not a number.");
            }
        }
        return rows;
    }
}
