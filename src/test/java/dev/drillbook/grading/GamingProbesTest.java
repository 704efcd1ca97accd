package dev.drillbook.grading;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline estimate against answers built to game it, on every bundled drill (issue 21 measured 100 "Strong" for
 * salad, pasted and negated key points, and 6–44 for faithful paraphrases), and on concept questions.
 */
class GamingProbesTest {

    static List<Drill> bundledDrills() throws IOException {
        List<Drill> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("questions", "drills"))) {
            for (Path f : files.sorted().toList()) {
                DrillParser.parse("questions/drills/" + f.getFileName(), Files.readString(f)).drill().ifPresent(out::add);
            }
        }
        return out;
    }

    @Test
    void gamedDrillAnswersScoreWeak() throws IOException {
        List<Drill> drills = bundledDrills();
        assertTrue(drills.size() >= 6, "bundled drills: " + drills.size());
        List<GamingProbes.Probe> paraphrases = GamingProbes.paraphrases();
        assertTrue(paraphrases.size() >= 3);
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Drill d : drills) {
            for (GamingProbes.Probe p : GamingProbes.forDrill(d, paraphrases)) {
                Grade g = OfflineEstimator.drill(d, p.answer(), GradingService.offlineGrader());
                table.append(String.format("%-32s %-10s %4s %s%n", d.id(), p.kind(), g.score(), g.flags()));
                // word coverage cannot read key points put in other words: a faithful paraphrase (people: 82-86) gets
                // 9-38 offline, which README states; it still finds some of the points, and the judge's probe is the real test
                if (p.kind().equals("paraphrase")) {
                    if (g.score() == 0) {
                        failures.add(d.id() + " paraphrase got nothing: " + g.flags());
                    }
                } else if (!p.passes(g.score())) {
                    failures.add(d.id() + " " + p.kind() + ": " + g.score() + " (want " + p.expectation() + ") " + g.flags());
                }
            }
        }
        System.out.println(table);
        assertEquals(List.of(), failures);
    }

    @Test
    void gamedConceptAnswersScoreWeak() {
        List<String> failures = new ArrayList<>();
        for (GamingProbes.ConceptProbe p : GamingProbes.concept()) {
            OfflineEstimator.ConceptEstimate e = OfflineEstimator.concept(p.question(), p.reference(), p.answer());
            System.out.println(p.kind() + " " + e.score() + " " + e.flags());
            if (!p.passes(e.score())) {
                failures.add(p.kind() + ": " + e.score() + " " + e.flags());
            }
        }
        double dontKnow = OfflineEstimator.concept("What does a student model learn in distillation?",
                "It imitates the teacher's output distribution on inputs where the student does not know the answer.", "I don't know").score();
        assertEquals(0, dontKnow, "\"I don't know\" is no answer, even when the reference says \"does not know\"");
        assertEquals(List.of(), failures);
    }

    @Test
    void anOffTopicConceptAnswerIsFlaggedAndBelowGood() {
        // issue 21: in a phone screen, "Mean reciprocal rank" answered with a sentence about BM25 scored 58-60/100, never a miss
        OfflineEstimator.ConceptEstimate e = OfflineEstimator.concept("What does mean reciprocal rank measure?",
                "The average over queries of one over the position of the first relevant result, so it rewards putting one right hit first.",
                "BM25 scores documents by term frequency and inverse document frequency, with length normalisation.");
        assertTrue(e.flags().contains("off_topic"), e.flags().toString());
        assertTrue(e.score() * 20 < 60, "a miss in a mock interview (under 60/100), so it goes back to review: " + e.score());
    }
}
