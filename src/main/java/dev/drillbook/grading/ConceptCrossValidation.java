package dev.drillbook.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Question-grouped k-fold cross-validation of the offline concept estimate: the weights used to score a question's
 * answers are fitted without any answer to that question, so the figure is what a new question can expect.
 */
public final class ConceptCrossValidation {

    private ConceptCrossValidation() {
    }

    public static Agreement run(List<MohlerFile.Row> rows, int folds) {
        double[] p = predictions(rows, folds);
        List<Agreement.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            pairs.add(new Agreement.Pair(rows.get(i).grade(), p[i], Terms.wordCount(rows.get(i).answer())));
        }
        return Agreement.of(pairs, 5);
    }

    /** Each row's held-out estimate (0–5), in row order: fitted on the folds that do not hold its question. */
    public static double[] predictions(List<MohlerFile.Row> rows, int folds) {
        double[] out = new double[rows.size()];
        List<String> questions = new ArrayList<>(new TreeSet<>(rows.stream().map(MohlerFile.Row::questionId).toList()));
        List<ConceptFeatures> features = rows.stream().map(r -> ConceptFeatures.of(r.question(), r.reference(), r.answer())).toList();
        for (int fold = 0; fold < folds; fold++) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (questions.indexOf(rows.get(i).questionId()) % folds == fold) {
                    test.add(i);
                } else {
                    x.add(features.get(i).vector());
                    y.add(rows.get(i).grade());
                }
            }
            double[] w = LinearFit.fit(x, y, 0.01);
            for (int i : test) {
                MohlerFile.Row r = rows.get(i);
                double p = Math.min(OfflineEstimator.conceptScore(w, features.get(i)),
                        OfflineEstimator.conceptCap(r.question(), r.answer(), features.get(i), new ArrayList<>()));
                out[i] = p;
            }
        }
        return out;
    }
}
