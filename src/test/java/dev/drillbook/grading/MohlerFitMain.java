package dev.drillbook.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Fits the offline concept estimate on the whole Mohler set and prints the weights and the held-out agreement. */
public final class MohlerFitMain {

    public static void main(String[] args) throws Exception {
        List<MohlerFile.Row> rows = MohlerFile.read(Path.of(args[0]));
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        long t0 = System.nanoTime();
        for (MohlerFile.Row r : rows) {
            x.add(ConceptFeatures.of(r.question(), r.reference(), r.answer()).vector());
            y.add(r.grade());
        }
        System.out.printf("features: %.3f ms/answer%n", (System.nanoTime() - t0) / 1e6 / rows.size());
        double[] w = LinearFit.fit(x, y, 0.01);
        System.out.println("weights (all data): " + Arrays.toString(w));
        System.out.println("held-out: " + ConceptCrossValidation.run(rows, 10));
        for (int f = 1; f < x.get(0).length; f++) {
            final int ff = f;
            System.out.printf("feature %d alone r=%.3f%n", f, Agreement.pearson(x.stream().mapToDouble(v -> v[ff]).toArray(),
                    y.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }
}
