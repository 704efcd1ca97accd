package dev.drillbook.review.optimizer;

import dev.drillbook.review.FsrsParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Fits the 21 FSRS-6 weights to a user's review history, as py-fsrs's {@code Optimizer} does: starting from the
 * FSRS-6 defaults, mini-batches of {@value Settings#BATCH} scored answers (cards shuffled each epoch, each card's
 * answers in order), Adam with learning rate 0.04 annealed by a cosine over all steps, the weights clamped to
 * {@link ParameterBounds} after every step, and at the end the weights of the epoch with the lowest loss on the whole
 * history (the starting weights included, so the result never fits worse than the defaults). Gradients are exact,
 * by forward-mode differentiation ({@link DualModel}). With fewer than {@code minimumReviews} scored answers the
 * defaults are returned unchanged.
 *
 * <p>Pure: no clock, no I/O; the shuffle is seeded, so the same history gives the same weights.
 */
public final class FsrsOptimizer {

    /**
     * @param epochs passes over the history
     * @param batchSize scored answers per gradient step
     * @param learningRate Adam's initial step size
     * @param seed for the order cards are visited in
     * @param minimumReviews scored answers below which the defaults are returned
     */
    public record Settings(int epochs, int batchSize, double learningRate, long seed, int minimumReviews) {
        static final int BATCH = 512;
        /** py-fsrs's hyper-parameters: 5 epochs, batches of 512, learning rate 0.04, at least 512 scored answers. */
        public static final Settings DEFAULTS = new Settings(5, BATCH, 0.04, 42, 512);

        public Settings {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || minimumReviews < 0) {
                throw new IllegalArgumentException("epochs and batch size must be positive, the learning rate too");
            }
        }
    }

    /**
     * @param weights the fitted weights (the defaults when {@code optimised} is false)
     * @param before the defaults' fit to the history
     * @param after the fitted weights' fit
     * @param optimised false when the history was too short to fit
     * @param epochLosses loss on the whole history after each epoch
     */
    public record Result(double[] weights, Evaluation before, Evaluation after, boolean optimised, List<Double> epochLosses) {
        public Result {
            weights = weights.clone();
            epochLosses = List.copyOf(epochLosses);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private final Settings settings;
    private final int relearningSteps;

    /** @param relearningSteps how many relearning steps the user's settings have (bounds w17 and w18, see {@link ParameterBounds}) */
    public FsrsOptimizer(Settings settings, int relearningSteps) {
        this.settings = settings;
        this.relearningSteps = relearningSteps;
    }

    /** Fits weights to {@code history}; {@code progress} receives the fraction done (0–1) after every step. */
    public Result optimize(ReviewHistory history, DoubleConsumer progress) {
        double[] start = FsrsParameters.DEFAULT_WEIGHTS.clone();
        Evaluation before = Evaluation.of(history, start);
        int scored = history.crossDayReviews();
        if (scored < Math.max(1, settings.minimumReviews())) {
            progress.accept(1);
            return new Result(start, before, before, false, List.of());
        }
        int stepsPerEpoch = (scored + settings.batchSize() - 1) / settings.batchSize();
        int totalSteps = stepsPerEpoch * settings.epochs();
        double[] w = ParameterBounds.clamp(start, relearningSteps);
        Adam adam = new Adam(settings.learningRate(), totalSteps);
        List<ReviewHistory.Card> order = new ArrayList<>(history.cards());
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[] best = w.clone();
        Evaluation bestFit = Evaluation.of(history, w);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            DualModel model = new DualModel(w);
            double[] gradient = new double[Dual.N];
            int inBatch = 0;
            for (ReviewHistory.Card card : order) {
                DualModel.State state = null;
                for (int i = 0; i < card.size(); i++) {
                    int days = card.elapsedDays()[i];
                    int grade = card.ratings()[i];
                    if (state != null && days > 0) {
                        Dual loss = DualModel.loss(model.retrievability(days, state.stability()), grade > 1);
                        for (int k = 0; k < Dual.N; k++) {
                            gradient[k] += loss.derivative(k);
                        }
                        inBatch++;
                    }
                    state = model.next(state, Math.max(0, days), grade);
                    if (inBatch == settings.batchSize()) {
                        w = adam.step(w, gradient, inBatch);
                        ParameterBounds.clampInPlace(w, relearningSteps);
                        model = new DualModel(w);
                        // as py-fsrs: the card's state so far is kept, its gradient with respect to the old weights is not
                        state = new DualModel.State(state.stability().detached(), state.difficulty().detached());
                        gradient = new double[Dual.N];
                        inBatch = 0;
                        progress.accept((double) (adam.steps() + epoch) / (totalSteps + settings.epochs()));
                    }
                }
            }
            if (inBatch > 0) {
                w = adam.step(w, gradient, inBatch);
                ParameterBounds.clampInPlace(w, relearningSteps);
            }
            Evaluation fit = Evaluation.of(history, w);
            losses.add(fit.logLoss());
            if (fit.logLoss() < bestFit.logLoss()) {
                bestFit = fit;
                best = w.clone();
            }
            progress.accept((double) (adam.steps() + epoch + 1) / (totalSteps + settings.epochs()));
        }
        return new Result(best, before, bestFit, true, losses);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Adam (PyTorch's defaults β = 0.9, 0.999, ε = 1e-8) with the learning rate on a cosine from its start to 0. */
    private static final class Adam {
        private final double rate;
        private final int totalSteps;
        private final double[] m = new double[Dual.N];
        private final double[] v = new double[Dual.N];
        private int t;

        Adam(double rate, int totalSteps) {
            this.rate = rate;
            this.totalSteps = totalSteps;
        }

        int steps() {
            return t;
        }

        /** One step down the mean gradient of {@code count} answers. */
        double[] step(double[] w, double[] gradientSum, int count) {
            double lr = rate * (1 + Math.cos(Math.PI * t / totalSteps)) / 2;
            t++;
            double[] out = w.clone();
            double c1 = 1 - Math.pow(BETA1, t);
            double c2 = 1 - Math.pow(BETA2, t);
            for (int i = 0; i < Dual.N; i++) {
                double g = gradientSum[i] / count;
                m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                out[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + ADAM_EPSILON);
            }
            return out;
        }
    }
}
