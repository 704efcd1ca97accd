package dev.drillbook.grading;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Answers built to game a grader, and one that must not be punished: the drill's key-point words shuffled into lines
 * (word salad), the key points pasted verbatim, every key point negated, an essay on something else — all of which must
 * score Weak (at most {@value #WEAK_DRILL}/100, {@value #WEAK_CONCEPT}/5) — and a faithful paraphrase of a strong answer,
 * which must land within one band of its human grade. Built from the drill itself, so they follow its key points.
 */
public final class GamingProbes {

    public static final int WEAK_DRILL = 20;
    public static final double WEAK_CONCEPT = 1.5;

    static final String PARAPHRASES = "/calibration/paraphrases.yaml";

    /** About baking: long enough, well written, about nothing the drills ask. */
    static final String OFF_TOPIC = """
            Good sourdough starts with a lively starter: feed it flour and water twice a day until it doubles within six hours.
            Mix the dough with a high share of water, rest it for an hour, then fold it every half hour while it rises.
            Shape the loaf gently so the surface stays tight, and leave it in the fridge overnight, which deepens the flavour.
            Bake it in a very hot covered pot for twenty minutes, then uncover it so the crust turns deep brown.
            Let it cool completely before slicing, or the crumb will be gummy.""";

    /** @param kind salad, pasted, negated, off_topic or paraphrase; {@code human} is the paraphrase's grade, else null */
    public record Probe(String kind, String drillId, String answer, Integer human) {

        /** Whether a grader's score is what this probe asks: Weak, or for a paraphrase within one band of its grade. */
        public boolean passes(Integer score) {
            if (score == null) {
                return false;
            }
            return kind.equals("paraphrase") ? Math.abs(bandIndex(score) - bandIndex(human)) <= 1 : score <= WEAK_DRILL;
        }

        public String expectation() {
            return kind.equals("paraphrase") ? "within one band of " + human + " (" + Grade.band(human) + ")" : "≤ " + WEAK_DRILL;
        }
    }

    /** A concept-question probe: the answer and whether its score is right. */
    public record ConceptProbe(String kind, String question, String reference, String answer, Double human) {
        public boolean passes(Double score) {
            if (score == null) {
                return false;
            }
            return kind.equals("paraphrase") ? Math.abs(score - human) <= 1.5 : score <= WEAK_CONCEPT;
        }
    }

    private GamingProbes() {
    }

    /** The four gaming probes for a drill (seeded shuffle, so a run is reproducible), plus its paraphrase if one is written. */
    public static List<Probe> forDrill(Drill drill, List<Probe> paraphrases) {
        List<Probe> out = new ArrayList<>();
        out.add(new Probe("salad", drill.id(), salad(drill), null));
        out.add(new Probe("pasted", drill.id(), pasted(drill), null));
        out.add(new Probe("negated", drill.id(), negated(drill), null));
        out.add(new Probe("off_topic", drill.id(), OFF_TOPIC, null));
        paraphrases.stream().filter(p -> p.drillId().equals(drill.id())).forEach(out::add);
        return out;
    }

    /** Every word of the key points, shuffled, seven to a line, repeated to at least 60 words: no sentences. */
    static String salad(Drill drill) {
        List<String> words = new ArrayList<>();
        drill.keyPoints().forEach(k -> words.addAll(LanguageSignals.words(k.statement())));
        List<String> all = new ArrayList<>();
        Random random = new Random(drill.id().hashCode());
        while (all.size() < Math.max(60, words.size())) {
            List<String> round = new ArrayList<>(words);
            Collections.shuffle(round, random);
            all.addAll(round);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            b.append(all.get(i)).append((i + 1) % 7 == 0 ? "\n" : " ");
        }
        return b.toString().strip();
    }

    static String pasted(Drill drill) {
        StringBuilder b = new StringBuilder();
        drill.keyPoints().forEach(k -> b.append("- ").append(k.statement()).append('\n'));
        return b.toString();
    }

    static String negated(Drill drill) {
        StringBuilder b = new StringBuilder();
        drill.keyPoints().forEach(k -> b.append("We do not do this and it is a bad idea: ").append(k.statement()).append(".\n"));
        return b.toString();
    }

    /** Paraphrased strong answers, written and graded for this project. */
    @SuppressWarnings("unchecked")
    public static List<Probe> paraphrases() {
        try (InputStream in = GamingProbes.class.getResourceAsStream(PARAPHRASES)) {
            if (in == null) {
                throw new IllegalStateException(PARAPHRASES + " is missing from the application");
            }
            List<Probe> out = new ArrayList<>();
            for (Object o : (List<Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in)) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new Probe("paraphrase", String.valueOf(m.get("drill")), String.valueOf(m.get("answer")),
                        ((Number) m.get("score")).intValue()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Concept-question probes on two questions: salad, negated, off-topic and "I don't know" must score ≤ 1.5; the paraphrase near its grade. */
    public static List<ConceptProbe> concept() {
        List<ConceptProbe> out = new ArrayList<>();
        String[][] cards = {
                {"Why are attention scores divided by the square root of d_k?",
                        "Dot products of query and key vectors grow with the dimension d_k, which pushes the softmax into saturation where "
                                + "gradients are tiny; dividing by sqrt(d_k) keeps the scores' variance near one.",
                        "When vectors have many components their products get large, so the softmax output becomes almost one-hot and "
                                + "learning stalls because the slopes vanish; shrinking them by that root keeps their spread around one.",
                        "4.5"},
                {"What does a cross-encoder re-ranker do that a bi-encoder cannot?",
                        "It reads the query and a candidate passage together in one transformer pass, so attention can compare them word "
                                + "by word; that is more accurate than comparing separately computed embeddings, but too slow to run over a whole "
                                + "corpus, so it re-orders the top results of a first-stage retriever.",
                        "It feeds the question and one document through the model jointly, letting every token look at the other side, "
                                + "which judges relevance better than two independently built vectors; because each pair needs its own pass, "
                                + "it is only used to reorder the few best hits from a cheaper first search.",
                        "4.5"}};
        for (String[] c : cards) {
            List<String> words = new ArrayList<>(LanguageSignals.words(c[1]).stream().filter(w -> !LanguageSignals.FUNCTION_WORDS.contains(w)).toList());
            Collections.shuffle(words, new Random(c[0].hashCode()));
            out.add(new ConceptProbe("salad", c[0], c[1], String.join(" ", words), null));
            out.add(new ConceptProbe("negated", c[0], c[1], "It is not true that " + Character.toLowerCase(c[1].charAt(0)) + c[1].substring(1), null));
            out.add(new ConceptProbe("off_topic", c[0], c[1], OFF_TOPIC.lines().findFirst().orElseThrow(), null));
            out.add(new ConceptProbe("dont_know", c[0], c[1], "I don't know.", null));
            out.add(new ConceptProbe("paraphrase", c[0], c[1], c[2], Double.parseDouble(c[3])));
        }
        return out;
    }

    static int bandIndex(int score) {
        return score >= 80 ? 3 : score >= 60 ? 2 : score >= 40 ? 1 : 0;
    }
}
