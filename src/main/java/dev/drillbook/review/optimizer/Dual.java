package dev.drillbook.review.optimizer;

/**
 * A number together with its partial derivatives with respect to the 21 FSRS weights: forward-mode automatic
 * differentiation. Each operation carries the derivatives along by the chain rule, so the loss of a review comes
 * with its exact gradient after one pass over the history (21 derivatives cost about 21 multiply-adds per
 * operation, which is nothing next to a 12,580-review log). Immutable; a constant carries no derivative array.
 * Clamps pass the gradient inside the interval and stop it outside, as PyTorch's {@code clamp} does.
 */
final class Dual {

    static final int N = 21;

    final double v;
    /** ∂v/∂w_i, or null for a constant. */
    final double[] d;

    private Dual(double v, double[] d) {
        this.v = v;
        this.d = d;
    }

    static Dual constant(double v) {
        return new Dual(v, null);
    }

    /** The weight w_i itself: derivative 1 with respect to w_i. */
    static Dual variable(double v, int i) {
        double[] d = new double[N];
        d[i] = 1;
        return new Dual(v, d);
    }

    /** The same value without its derivatives (PyTorch's {@code detach}). */
    Dual detached() {
        return d == null ? this : new Dual(v, null);
    }

    /** a·x + b·y of two derivative arrays, either of which may be null. */
    private static double[] combine(double a, double[] x, double b, double[] y) {
        if (x == null && y == null) {
            return null;
        }
        double[] out = new double[N];
        if (x != null) {
            for (int i = 0; i < N; i++) {
                out[i] = a * x[i];
            }
        }
        if (y != null) {
            for (int i = 0; i < N; i++) {
                out[i] += b * y[i];
            }
        }
        return out;
    }

    private static double[] scale(double a, double[] x) {
        return x == null ? null : combine(a, x, 0, null);
    }

    Dual plus(Dual o) {
        return new Dual(v + o.v, combine(1, d, 1, o.d));
    }

    Dual plus(double c) {
        return new Dual(v + c, d);
    }

    Dual minus(Dual o) {
        return new Dual(v - o.v, combine(1, d, -1, o.d));
    }

    Dual times(Dual o) {
        return new Dual(v * o.v, combine(o.v, d, v, o.d));
    }

    Dual times(double c) {
        return new Dual(v * c, scale(c, d));
    }

    Dual div(Dual o) {
        return new Dual(v / o.v, combine(1 / o.v, d, -v / (o.v * o.v), o.d));
    }

    Dual negate() {
        return times(-1);
    }

    Dual exp() {
        double e = Math.exp(v);
        return new Dual(e, scale(e, d));
    }

    Dual log() {
        return new Dual(Math.log(v), scale(1 / v, d));
    }

    /** this^c for a constant exponent. */
    Dual pow(double c) {
        double p = Math.pow(v, c);
        return new Dual(p, scale(c * Math.pow(v, c - 1), d));
    }

    /** this^e = exp(e·ln this), both carrying derivatives; this &gt; 0. */
    Dual pow(Dual e) {
        double p = Math.pow(v, e.v);
        return new Dual(p, combine(p * e.v / v, d, p * Math.log(v), e.d));
    }

    Dual min(Dual o) {
        return v <= o.v ? this : o;
    }

    Dual atLeast(double lo) {
        return v < lo ? constant(lo) : this;
    }

    Dual clamp(double lo, double hi) {
        return v < lo ? constant(lo) : v > hi ? constant(hi) : this;
    }

    /** ∂v/∂w_i. */
    double derivative(int i) {
        return d == null ? 0 : d[i];
    }
}
