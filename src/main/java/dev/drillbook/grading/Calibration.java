package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The calibration maths: agreement of a grader with people on the in-house drill answers, and the probes that catch
 * what correlation hides — padded answers outscoring honest ones, injection attempts getting a score, longer answers
 * being rewarded for length. Pure: grades in, report parts out.
 */
public final class Calibration {

    private Calibration() {
    }

    /** A graded in-house answer: the example and what the grader gave (score null when withheld or failed). */
    public record Graded(GradedExample example, Integer machine, String note) {
    }

    /** Agreement on the scored answers (injection attempts excluded), on a 0–5 scale (score / 20). */
    public static Agreement agreement(List<Graded> graded) {
        List<Agreement.Pair> pairs = new ArrayList<>();
        for (Graded g : graded) {
            if (g.example().score() != null && g.machine() != null) {
                pairs.add(new Agreement.Pair(g.example().score() / 20.0, g.machine() / 20.0, Terms.wordCount(g.example().answer())));
            }
        }
        return pairs.size() < 2 ? null : Agreement.of(pairs, 5);
    }

    public static List<CalibrationReport.Probe> probes(List<Graded> graded, Agreement agreement) {
        List<CalibrationReport.Probe> probes = new ArrayList<>();
        Map<String, List<Graded>> byDrill = graded.stream().collect(Collectors.groupingBy(g -> g.example().drillId()));
        int pairs = 0;
        int violations = 0;
        for (List<Graded> drill : byDrill.values()) {
            OptionalDouble padded = mean(drill, "padded");
            OptionalDouble solid = mean(drill, "solid");
            if (padded.isPresent() && solid.isPresent()) {
                pairs++;
                violations += padded.getAsDouble() >= solid.getAsDouble() ? 1 : 0;
            }
        }
        probes.add(new CalibrationReport.Probe("Padded, repetitive answers score below solid ones on the same drill",
                (pairs - violations) + " of " + pairs + " drills", pairs > 0 && violations == 0));
        List<Graded> attacks = graded.stream().filter(g -> g.example().kind().equals("injection")).toList();
        long withheld = attacks.stream().filter(g -> g.machine() == null).count();
        probes.add(new CalibrationReport.Probe("Injection attempts get no score", withheld + " of " + attacks.size() + " withheld",
                !attacks.isEmpty() && withheld == attacks.size()));
        List<Graded> offTopic = graded.stream().filter(g -> g.example().kind().equals("off_topic")).toList();
        long low = offTopic.stream().filter(g -> g.machine() != null && g.machine() < 20).count();
        probes.add(new CalibrationReport.Probe("Off-topic answers score below 20", low + " of " + offTopic.size(),
                !offTopic.isEmpty() && low == offTopic.size()));
        if (agreement != null) {
            probes.add(new CalibrationReport.Probe("Length bias (grader's correlation with length minus people's)",
                    String.format(Locale.ROOT, "%+.2f", agreement.lengthBias()), agreement.lengthBias() < 0.2));
        }
        return probes;
    }

    /** Mohler agreement of a concept grader over the given rows (0–5 both sides). */
    public static Agreement mohler(List<MohlerFile.Row> rows, Function<MohlerFile.Row, Double> grader) {
        List<Agreement.Pair> pairs = new ArrayList<>();
        for (MohlerFile.Row r : rows) {
            Double s = grader.apply(r);
            if (s != null) {
                pairs.add(new Agreement.Pair(r.grade(), s, Terms.wordCount(r.answer())));
            }
        }
        return pairs.size() < 2 ? null : Agreement.of(pairs, 5);
    }

    /** Every {@code step}-th row, so a sample spreads over all questions (the file is ordered by question). */
    public static List<MohlerFile.Row> sample(List<MohlerFile.Row> rows, int size) {
        if (size >= rows.size()) {
            return rows;
        }
        List<MohlerFile.Row> out = new ArrayList<>();
        double step = (double) rows.size() / size;
        for (int i = 0; i < size; i++) {
            out.add(rows.get((int) Math.floor(i * step)));
        }
        return out;
    }

    private static OptionalDouble mean(List<Graded> drill, String kind) {
        return drill.stream().filter(g -> g.example().kind().equals(kind) && g.machine() != null).mapToInt(Graded::machine).average();
    }
}
