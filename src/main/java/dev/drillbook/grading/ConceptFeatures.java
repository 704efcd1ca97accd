package dev.drillbook.grading;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lexical overlap between a free-text answer and the reference answer, the inputs of the offline concept estimate.
 * Words that already appear in the question are left out ("question demoting"): repeating the question earns nothing.
 *
 * @param recall share of the reference's content words that the answer uses
 * @param precision share of the answer's content words found in the reference
 * @param bigramRecall share of the reference's adjacent content-word pairs that the answer uses
 * @param lengthRatio answer length over reference length, in content words, capped at 3
 * @param plainRecall share of the reference's content words the answer uses, question words included
 * @param answerTerms content words in the answer
 */
public record ConceptFeatures(double recall, double precision, double bigramRecall, double lengthRatio, double plainRecall, int answerTerms) {

    public static ConceptFeatures of(String question, String reference, String answer) {
        Set<String> asked = new HashSet<>(Terms.of(question));
        List<String> ref = Terms.of(reference);
        List<String> ans = Terms.of(answer);
        Set<String> refSet = without(new HashSet<>(ref), asked);
        if (refSet.isEmpty()) {
            refSet = new HashSet<>(ref);
        }
        Set<String> ansSet = without(new HashSet<>(ans), asked);
        Set<String> common = new HashSet<>(ansSet);
        common.retainAll(refSet);
        double recall = refSet.isEmpty() ? 0 : (double) common.size() / refSet.size();
        double precision = ansSet.isEmpty() ? 0 : (double) common.size() / ansSet.size();
        Set<String> refPairs = pairs(ref);
        Set<String> ansPairs = pairs(ans);
        int sharedPairs = 0;
        for (String p : refPairs) {
            sharedPairs += ansPairs.contains(p) ? 1 : 0;
        }
        double bigramRecall = refPairs.isEmpty() ? recall : (double) sharedPairs / refPairs.size();
        double lengthRatio = ref.isEmpty() ? 0 : Math.min(3, (double) ans.size() / ref.size());
        Set<String> plain = new HashSet<>(ref);
        int plainShared = 0;
        Set<String> ansAll = new HashSet<>(ans);
        for (String t : plain) {
            plainShared += ansAll.contains(t) ? 1 : 0;
        }
        double plainRecall = plain.isEmpty() ? 0 : (double) plainShared / plain.size();
        return new ConceptFeatures(recall, precision, bigramRecall, lengthRatio, plainRecall, ans.size());
    }

    /** The features as a vector, with a leading 1 for the intercept. */
    public double[] vector() {
        return new double[] {1, recall, precision, bigramRecall, lengthRatio, Math.min(lengthRatio, 1), plainRecall, Math.sqrt(recall)};
    }

    private static Set<String> without(Set<String> set, Set<String> remove) {
        set.removeAll(remove);
        return set;
    }

    private static Set<String> pairs(List<String> stems) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i < stems.size(); i++) {
            out.add(stems.get(i - 1) + ' ' + stems.get(i));
        }
        return out;
    }
}
