package dev.drillbook.review;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The FSRS-6 scheduler: given a card's memory state, an answer and the time of the answer, the next state.
 * Pure — no clock, no randomness of its own (the fuzz draw is an argument), no I/O — so it is tested against the
 * reference implementations' vectors.
 */
public final class Fsrs {

    static final double STABILITY_MIN = 0.001;
    static final double STABILITY_MAX = 36500;
    private static final long DAY_SECONDS = 86_400;

    private final FsrsParameters p;
    private final double[] w;
    private final double decay;
    private final double factor;

    public Fsrs(FsrsParameters parameters) {
        this.p = parameters;
        this.w = parameters.w();
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    public FsrsParameters parameters() {
        return p;
    }

    /** Probability of recall {@code days} whole days after the last review of a card with stability {@code s}. */
    public double retrievability(double days, double s) {
        return Math.pow(1 + factor * Math.max(0, days) / s, decay);
    }

    /** Retrievability of a card at {@code now}; 0 for a card never reviewed. */
    public double retrievability(Memory m, Instant now) {
        if (m.lastReview() == null || m.stability() <= 0) {
            return 0;
        }
        return retrievability(wholeDays(m.lastReview(), now), m.stability());
    }

    /** Days until recall falls to the desired retention: rounded half up, 1 … maximum interval. */
    public int interval(double stability) {
        double raw = stability / factor * (Math.pow(p.desiredRetention(), 1 / decay) - 1);
        long days = (long) Math.floor(raw + 0.5);
        return (int) Math.min(Math.max(days, 1), p.maximumInterval());
    }

    public double initialStability(Rating g) {
        return clampS(w[g.grade() - 1]);
    }

    public double initialDifficulty(Rating g) {
        return clampD(rawInitialDifficulty(g.grade()));
    }

    private double rawInitialDifficulty(int grade) {
        return w[4] - Math.exp(w[5] * (grade - 1)) + 1;
    }

    public double nextDifficulty(double d, Rating g) {
        double delta = -w[6] * (g.grade() - 3);
        double damped = d + delta * (10 - d) / 9;
        // mean reversion towards the *unclamped* initial difficulty of Easy
        return clampD(w[7] * rawInitialDifficulty(4) + (1 - w[7]) * damped);
    }

    /** Rule 5: stability after a successful review at least a day after the last one. */
    public double recallStability(double d, double s, double r, Rating g) {
        double hardPenalty = g == Rating.HARD ? w[15] : 1;
        double easyBonus = g == Rating.EASY ? w[16] : 1;
        return clampS(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp(w[10] * (1 - r)) - 1)
                * hardPenalty * easyBonus));
    }

    /** Rule 6: stability after a lapse at least a day after the last review. */
    public double forgetStability(double d, double s, double r) {
        double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp(w[14] * (1 - r));
        double shortTerm = s / Math.exp(w[17] * w[18]);
        return clampS(Math.min(longTerm, shortTerm));
    }

    /** Rule 7: a review less than a day after the last; a same-day success never lowers stability. */
    public double shortTermStability(double s, Rating g) {
        double increase = Math.exp(w[17] * (g.grade() - 3 + w[18])) * Math.pow(s, -w[19]);
        if (g.success()) {
            increase = Math.max(increase, 1);
        }
        return clampS(s * increase);
    }

    /**
     * Stability and difficulty after an answer (rules 3–8), the memory part of {@link #review}: the first answer sets
     * them ({@code previous} null), an answer less than a day after the last one uses the same-day rule, a later one
     * the success or lapse rule. Stability is computed from the old difficulty, then difficulty is updated.
     */
    public MemoryState nextMemory(MemoryState previous, long elapsedDays, Rating g) {
        if (previous == null) {
            return new MemoryState(initialStability(g), initialDifficulty(g));
        }
        double s = previous.stability();
        double d = previous.difficulty();
        double next;
        if (elapsedDays < 1) {
            next = shortTermStability(s, g);
        } else {
            double r = retrievability(elapsedDays, s);
            next = g == Rating.AGAIN ? forgetStability(d, s, r) : recallStability(d, s, r, g);
        }
        return new MemoryState(next, nextDifficulty(d, g));
    }

    /**
     * Picks the interval a review card actually gets from its fuzz range (only asked for intervals of 2.5 days and
     * more, and only when fuzz is on): a uniform draw ({@link #uniform}), or the load balancer.
     */
    @FunctionalInterface
    public interface IntervalChooser {
        /** @return a whole number of days in [min, max] */
        int choose(int interval, int min, int max);
    }

    /** The reference fuzz: a draw in [0, 1) picks from the range with floor. */
    public static IntervalChooser uniform(double draw) {
        return (interval, min, max) -> (int) Math.floor(draw * (max - min + 1) + min);
    }

    /**
     * The state after answering {@code g} at {@code now}.
     *
     * @param fuzzDraw a number in [0, 1) used to spread review intervals (ignored when fuzz is off)
     */
    public Memory review(Memory m, Rating g, Instant now, double fuzzDraw) {
        return review(m, g, now, uniform(fuzzDraw));
    }

    /** The state after answering {@code g} at {@code now}, the day of a review interval picked by {@code chooser}. */
    public Memory review(Memory m, Rating g, Instant now, IntervalChooser chooser) {
        MemoryState previous = m.isNew() || m.stability() <= 0 ? null : new MemoryState(m.stability(), m.difficulty());
        MemoryState next = nextMemory(previous, m.lastReview() == null ? 0 : wholeDays(m.lastReview(), now), g);
        double s = next.stability();
        double d = next.difficulty();

        CardState state;
        int step = 0;
        Duration wait;
        int lapses = m.lapses();
        switch (m.state()) {
            case NEW, LEARNING, RELEARNING -> {
                List<Duration> steps = m.state() == CardState.RELEARNING ? p.relearningSteps() : p.learningSteps();
                CardState learningState = m.state() == CardState.RELEARNING ? CardState.RELEARNING : CardState.LEARNING;
                int current = m.state() == CardState.NEW ? 0 : m.step();
                if (steps.isEmpty() || (current >= steps.size() && g.success())) {
                    state = CardState.REVIEW;
                    wait = days(interval(s));
                } else {
                    switch (g) {
                        case AGAIN -> {
                            state = learningState;
                            wait = steps.get(0);
                        }
                        case HARD -> {
                            state = learningState;
                            step = current;
                            wait = hardStep(steps, current);
                        }
                        case GOOD -> {
                            if (current + 1 >= steps.size()) {
                                state = CardState.REVIEW;
                                wait = days(interval(s));
                            } else {
                                state = learningState;
                                step = current + 1;
                                wait = steps.get(step);
                            }
                        }
                        default -> {
                            state = CardState.REVIEW;
                            wait = days(interval(s));
                        }
                    }
                }
            }
            default -> {
                if (g == Rating.AGAIN) {
                    lapses++;
                    if (p.relearningSteps().isEmpty()) {
                        state = CardState.REVIEW;
                        wait = days(interval(s));
                    } else {
                        state = CardState.RELEARNING;
                        wait = p.relearningSteps().get(0);
                    }
                } else {
                    state = CardState.REVIEW;
                    wait = days(interval(s));
                }
            }
        }
        if (state == CardState.REVIEW && p.fuzz()) {
            wait = days(fuzz(wait.toDays(), chooser));
        }
        return new Memory(state, step, s, d, now.plus(wait), now, m.reps() + 1, lapses);
    }

    /**
     * All four outcomes, as shown on the answer buttons. When the answers lead to day intervals, Hard &lt; Good &lt;
     * Easy is enforced as Anki does (hard ≥ 1 day, good ≥ hard + 1, easy ≥ good + 1), so the buttons never show
     * the same interval twice and a better answer never brings a card back sooner.
     */
    public Map<Rating, Memory> preview(Memory m, Instant now, double fuzzDraw) {
        return preview(m, now, uniform(fuzzDraw));
    }

    /** {@link #preview(Memory, Instant, double)} with review intervals picked by {@code chooser}. */
    public Map<Rating, Memory> preview(Memory m, Instant now, IntervalChooser chooser) {
        Map<Rating, Memory> out = new EnumMap<>(Rating.class);
        for (Rating g : Rating.values()) {
            out.put(g, review(m, g, now, chooser));
        }
        long previous = 0;
        for (Rating g : List.of(Rating.HARD, Rating.GOOD, Rating.EASY)) {
            Memory next = out.get(g);
            if (next.state() == CardState.REVIEW) {
                long ivl = wholeDays(now, next.due());
                long min = Math.max(1, previous + 1);
                if (g == Rating.HARD) {
                    min = 1;
                }
                if (ivl < min) {
                    ivl = Math.min(min, p.maximumInterval());
                    next = new Memory(next.state(), next.step(), next.stability(), next.difficulty(), now.plus(days(ivl)),
                            next.lastReview(), next.reps(), next.lapses());
                    out.put(g, next);
                }
                previous = ivl;
            }
        }
        return out;
    }

    /** The interval actually used after fuzz: a draw in [0, 1) picks (with floor) from the range around it. */
    public int fuzz(long intervalDays, double draw) {
        return fuzz(intervalDays, uniform(draw));
    }

    /** The interval actually used after fuzz, picked from the range around it by {@code chooser}. */
    public int fuzz(long intervalDays, IntervalChooser chooser) {
        if (intervalDays < 2.5) {
            return (int) intervalDays;
        }
        int[] range = fuzzRange(intervalDays);
        int picked = chooser.choose((int) intervalDays, range[0], range[1]);
        return Math.min(Math.max(picked, range[0]), Math.min(range[1], p.maximumInterval()));
    }

    /** [min, max] days a fuzzed interval may take. */
    public int[] fuzzRange(long intervalDays) {
        double delta = 1.0
                + 0.15 * Math.max(Math.min(intervalDays, 7.0) - 2.5, 0)
                + 0.10 * Math.max(Math.min(intervalDays, 20.0) - 7.0, 0)
                + 0.05 * Math.max(intervalDays - 20.0, 0);
        int min = (int) Math.floor(intervalDays - delta + 0.5);
        int max = (int) Math.floor(intervalDays + delta + 0.5);
        min = Math.max(2, min);
        max = Math.min(max, p.maximumInterval());
        min = Math.min(min, max);
        return new int[] {min, max};
    }

    private static Duration hardStep(List<Duration> steps, int current) {
        if (current == 0 && steps.size() == 1) {
            return Duration.ofMillis(steps.get(0).toMillis() * 3 / 2);
        }
        if (current == 0) {
            return Duration.ofMillis((steps.get(0).toMillis() + steps.get(1).toMillis()) / 2);
        }
        return steps.get(Math.min(current, steps.size() - 1));
    }

    /** Whole 24-hour periods from {@code from} to {@code to} (never negative). */
    public static long wholeDays(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds() / DAY_SECONDS);
    }

    private static Duration days(long n) {
        return Duration.ofDays(n);
    }

    private static double clampS(double s) {
        return Math.min(Math.max(s, STABILITY_MIN), STABILITY_MAX);
    }

    private static double clampD(double d) {
        return Math.min(Math.max(d, 1), 10);
    }
}
