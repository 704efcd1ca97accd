package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The calibration maths: agreement of a grader with people, compared like with like, and the probes that catch what
 * correlation hides — padded answers outscoring honest ones, injection attempts getting a score, length rewarded, and
 * answers built to game the grader. A judge call that failed is a failure, never a passed probe. Pure: grades in, report
 * parts out.
 */
public final class Calibration {

    private Calibration() {
    }

    /** A graded in-house answer: the example and what the grader gave (score null when withheld or failed). */
    public record Graded(GradedExample example, Integer machine, boolean failed, String note) {
    }

    /** Agreement on the scored answers (injection attempts and failed calls excluded), on a 0–5 scale (score / 20). */
    public static Agreement agreement(List<Graded> graded) {
        List<Agreement.Pair> pairs = new ArrayList<>();
        for (Graded g : graded) {
            if (g.example().score() != null && g.machine() != null) {
                pairs.add(new Agreement.Pair(g.example().score() / 20.0, g.machine() / 20.0, Terms.wordCount(g.example().answer())));
            }
        }
        return pairs.size() < 2 ? null : Agreement.of(pairs, 5);
    }

    public static List<CalibrationReport.Probe> probes(List<Graded> graded, Agreement agreement, List<CalibrationReport.GamingResult> gaming) {
        List<CalibrationReport.Probe> probes = new ArrayList<>();
        Map<String, List<Graded>> byDrill = graded.stream().collect(Collectors.groupingBy(g -> g.example().drillId()));
        int pairs = 0;
        int violations = 0;
        int failed = 0;
        for (List<Graded> drill : byDrill.values()) {
            failed += (int) drill.stream().filter(g -> g.failed() && List.of("padded", "solid").contains(g.example().kind())).count();
            OptionalDouble padded = mean(drill, "padded");
            OptionalDouble solid = mean(drill, "solid");
            if (padded.isPresent() && solid.isPresent()) {
                pairs++;
                violations += padded.getAsDouble() >= solid.getAsDouble() ? 1 : 0;
            }
        }
        probes.add(probe("Padded, repetitive answers score below solid ones on the same drill", (pairs - violations) + " of " + pairs + " drills",
                pairs > 0 && violations == 0, failed));
        List<Graded> attacks = graded.stream().filter(g -> g.example().kind().equals("injection")).toList();
        long withheld = attacks.stream().filter(g -> !g.failed() && g.machine() == null).count();
        probes.add(probe("Injection attempts get no score", withheld + " of " + attacks.size() + " withheld",
                !attacks.isEmpty() && withheld == attacks.size(), (int) attacks.stream().filter(Graded::failed).count()));
        List<Graded> offTopic = graded.stream().filter(g -> g.example().kind().equals("off_topic")).toList();
        long low = offTopic.stream().filter(g -> g.machine() != null && g.machine() < 20).count();
        probes.add(probe("Off-topic answers score below 20", low + " of " + offTopic.size(), !offTopic.isEmpty() && low == offTopic.size(),
                (int) offTopic.stream().filter(Graded::failed).count()));
        if (agreement != null) {
            probes.add(new CalibrationReport.Probe("Length bias (grader's correlation with length minus people's)",
                    String.format(Locale.ROOT, "%+.2f", agreement.lengthBias()), agreement.lengthBias() < 0.2));
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("salad", "Word salad (key-point words, no sentences) scores Weak");
        names.put("pasted", "Key points pasted verbatim score Weak");
        names.put("negated", "Every key point negated scores Weak");
        names.put("off_topic", "An essay on something else scores Weak");
        names.put("paraphrase", "A faithful paraphrase stays within one band of its grade");
        names.forEach((kind, name) -> {
            List<CalibrationReport.GamingResult> of = gaming.stream().filter(g -> g.kind().equals(kind)).toList();
            if (!of.isEmpty()) {
                long ok = of.stream().filter(CalibrationReport.GamingResult::passed).count();
                int calls = (int) of.stream().filter(g -> g.note() != null && g.note().startsWith("failed")).count();
                probes.add(probe(name, ok + " of " + of.size() + " drills", ok == of.size(), calls));
            }
        });
        return probes;
    }

    /** A probe that cannot pass when any of its judge calls failed, and says so. */
    private static CalibrationReport.Probe probe(String name, String result, boolean passed, int failedCalls) {
        return failedCalls == 0 ? new CalibrationReport.Probe(name, result, passed)
                : new CalibrationReport.Probe(name, result + "; " + failedCalls + " judge call" + (failedCalls == 1 ? "" : "s") + " failed", false);
    }

    /**
     * Mohler agreement of a concept grader, like with like on the same answers: against grader 1, grader 2, the two
     * graders against each other, and against their average. {@code scores[i]} is the grader's 0–5 for row i, null when
     * its call failed.
     */
    public static CalibrationReport.MohlerAgreement mohler(List<MohlerFile.Row> rows, Double[] scores) {
        List<Agreement.Pair> one = new ArrayList<>();
        List<Agreement.Pair> two = new ArrayList<>();
        List<Agreement.Pair> humans = new ArrayList<>();
        List<Agreement.Pair> avg = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < rows.size(); i++) {
            MohlerFile.Row r = rows.get(i);
            if (scores[i] == null) {
                failed++;
                continue;
            }
            int words = Terms.wordCount(r.answer());
            one.add(new Agreement.Pair(r.grader1(), scores[i], words));
            two.add(new Agreement.Pair(r.grader2(), scores[i], words));
            humans.add(new Agreement.Pair(r.grader1(), r.grader2(), words));
            avg.add(new Agreement.Pair(r.grade(), scores[i], words));
        }
        if (one.size() < 2) {
            return new CalibrationReport.MohlerAgreement(null, null, null, null, failed);
        }
        return new CalibrationReport.MohlerAgreement(Agreement.of(one, 5), Agreement.of(two, 5), Agreement.of(humans, 5), Agreement.of(avg, 5), failed);
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
