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

    /**
     * One human-graded answer: {@code grade} is the two graders' average, {@code grader1} and {@code grader2} each
     * grader's own mark, all on 0–5 (the exam items, marked out of 10, rescaled).
     */
    public record Row(String questionId, String question, String reference, String answer, double grade, double grader1,
            double grader2) {
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
                double scale = 5 / Double.parseDouble(c[8]);
                rows.add(new Row(c[0], c[2], c[3], c[4], Double.parseDouble(c[9]), Double.parseDouble(c[5]) * scale,
                        Double.parseDouble(c[6]) * scale));
            } catch (NumberFormatException e) {
                throw new IOException("Line " + (i + 1) + " of " + file.getFileName() + ": a grade or scale_max is not a number.");
            }
        }
        return rows;
    }
}
