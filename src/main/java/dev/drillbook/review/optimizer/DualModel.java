package dev.drillbook.review.optimizer;

/**
 * The FSRS-6 memory model of {@link dev.drillbook.review.Fsrs} (rules 1 and 3–8 of the reference), written over
 * {@link Dual} numbers so that each prediction carries its gradient with respect to the weights. The formulas are
 * the same as {@code Fsrs}'s, and {@code FsrsOptimizerTest} checks that both give the same states on a real log.
 */
final class DualModel {

    private static final double S_MIN = 0.001;
    private static final double S_MAX = 36500;

    private final Dual[] w = new Dual[Dual.N];
    private final Dual decay;
    private final Dual factor;
    private final Dual easyInitialDifficulty;

    /** The memory state of one card. */
    record State(Dual stability, Dual difficulty) {
    }

    DualModel(double[] weights) {
        for (int i = 0; i < Dual.N; i++) {
            w[i] = Dual.variable(weights[i], i);
        }
        decay = w[20].negate();
        factor = Dual.constant(Math.log(0.9)).div(decay).exp().plus(-1);
        easyInitialDifficulty = rawInitialDifficulty(4);
    }

    /** R(t, S) = (1 + FACTOR·t/S)^DECAY. */
    Dual retrievability(int days, Dual s) {
        return factor.times(days).div(s).plus(1).pow(decay);
    }

    private Dual rawInitialDifficulty(int grade) {
        return w[4].minus(w[5].times(grade - 1).exp()).plus(1);
    }

    /** The state after an answer of {@code grade} {@code days} whole days after the previous one; {@code previous} null: the first answer. */
    State next(State previous, int days, int grade) {
        if (previous == null) {
            return new State(w[grade - 1].clamp(S_MIN, S_MAX), rawInitialDifficulty(grade).clamp(1, 10));
        }
        Dual s = previous.stability();
        Dual d = previous.difficulty();
        Dual next;
        if (days < 1) {
            Dual increase = w[17].times(w[18].plus(grade - 3)).exp().times(s.pow(w[19].negate()));
            if (grade >= 2) {
                increase = increase.atLeast(1);
            }
            next = s.times(increase);
        } else {
            Dual oneMinusR = retrievability(days, s).negate().plus(1);
            if (grade == 1) {
                Dual longTerm = w[11].times(d.pow(w[12].negate())).times(s.plus(1).pow(w[13]).plus(-1))
                        .times(w[14].times(oneMinusR).exp());
                Dual shortTerm = s.div(w[17].times(w[18]).exp());
                next = longTerm.min(shortTerm);
            } else {
                Dual growth = w[8].exp().times(d.negate().plus(11)).times(s.pow(w[9].negate()))
                        .times(w[10].times(oneMinusR).exp().plus(-1));
                if (grade == 2) {
                    growth = growth.times(w[15]);
                } else if (grade == 4) {
                    growth = growth.times(w[16]);
                }
                next = s.times(growth.plus(1));
            }
        }
        Dual damped = d.plus(w[6].times(-(grade - 3)).times(d.negate().plus(10)).times(1.0 / 9));
        Dual reverted = w[7].times(easyInitialDifficulty).plus(w[7].negate().plus(1).times(damped));
        return new State(next.clamp(S_MIN, S_MAX), reverted.clamp(1, 10));
    }

    /** Binary cross-entropy of a prediction against the outcome, with the prediction kept inside (ε, 1 − ε). */
    static Dual loss(Dual r, boolean recalled) {
        Dual p = r.clamp(Evaluation.EPSILON, 1 - Evaluation.EPSILON);
        return recalled ? p.log().negate() : p.negate().plus(1).log().negate();
    }
}
