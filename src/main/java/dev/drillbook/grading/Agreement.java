package dev.drillbook.grading;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How closely a grader's scores follow human scores on the same answers. Pure maths, so it can be checked against
 * values computed by hand.
 *
 * @param n number of answers compared
 * @param pearson linear correlation
 * @param spearman rank correlation (ties get their average rank)
 * @param rmse root-mean-square difference, in scale points
 * @param qwk quadratic-weighted kappa on scores rounded to whole scale points
 * @param exact share of answers where the rounded scores are equal
 * @param withinOne share where they differ by at most one scale point
 * @param lengthBias Pearson of the grader's score with answer length minus the same for humans: positive means the
 *                   grader rewards length more than people do
 */
public record Agreement(int n, double pearson, double spearman, double rmse, double qwk, double exact, double withinOne,
        double lengthBias) {

    /** One graded answer: the human score, the grader's score (both on the same 0–max scale) and the answer length. */
    public record Pair(double human, double machine, int words) {
    }

    /** Agreement on a 0–{@code maxScore} scale. */
    public static Agreement of(List<Pair> pairs, int maxScore) {
        if (pairs.size() < 2) {
            throw new IllegalArgumentException("Agreement needs at least two graded answers, got " + pairs.size() + ".");
        }
        double[] h = pairs.stream().mapToDouble(Pair::human).toArray();
        double[] m = pairs.stream().mapToDouble(Pair::machine).toArray();
        double[] len = pairs.stream().mapToDouble(Pair::words).toArray();
        double sq = 0;
        int exact = 0;
        int within = 0;
        for (int i = 0; i < h.length; i++) {
            sq += (h[i] - m[i]) * (h[i] - m[i]);
            long a = Math.round(h[i]);
            long b = Math.round(m[i]);
            exact += a == b ? 1 : 0;
            within += Math.abs(a - b) <= 1 ? 1 : 0;
        }
        int n = h.length;
        return new Agreement(n, pearson(h, m), pearson(ranks(h), ranks(m)), Math.sqrt(sq / n), quadraticKappa(h, m, maxScore),
                (double) exact / n, (double) within / n, pearson(m, len) - pearson(h, len));
    }

    /** Pearson's r; 0 when either side is constant (no linear relation can be measured). */
    public static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks from 1, ties sharing the mean of their positions. */
    static double[] ranks(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i])).toArray(Integer[]::new);
        double[] r = new double[x.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /** Cohen's kappa with quadratic weights over the categories 0…max (scores rounded and clamped). */
    static double quadraticKappa(double[] a, double[] b, int max) {
        int k = max + 1;
        double[][] observed = new double[k][k];
        double[] ha = new double[k];
        double[] hb = new double[k];
        for (int i = 0; i < a.length; i++) {
            int x = clamp(a[i], max);
            int y = clamp(b[i], max);
            observed[x][y]++;
            ha[x]++;
            hb[y]++;
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = (double) (i - j) * (i - j) / ((double) (k - 1) * (k - 1));
                num += w * observed[i][j];
                den += w * ha[i] * hb[j] / a.length;
            }
        }
        return den == 0 ? 1 : 1 - num / den;
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
