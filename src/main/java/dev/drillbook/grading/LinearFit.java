package dev.drillbook.grading;

import java.util.List;

/** Ordinary least squares with a small ridge term, by the normal equations (few features, thousands of rows). */
public final class LinearFit {

    private LinearFit() {
    }

    public static double[] fit(List<double[]> x, List<Double> y, double ridge) {
        int k = x.get(0).length;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < x.size(); r++) {
            double[] v = x.get(r);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += v[i] * v[j];
                }
                a[i][k] += v[i] * y.get(r);
            }
        }
        for (int i = 1; i < k; i++) {
            a[i][i] += ridge;
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = a[i][k] / a[i][i];
        }
        return w;
    }

    public static double predict(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }
}
