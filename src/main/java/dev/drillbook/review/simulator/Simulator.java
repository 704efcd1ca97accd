package dev.drillbook.review.simulator;

import dev.drillbook.review.Fsrs;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.MemoryState;
import dev.drillbook.review.Rating;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Simulates the next days of study at one desired retention, as fsrs-rs's {@code simulate} (what Anki's "help me
 * decide" runs): the user's cards as they stand plus new cards introduced at the daily limit; on each due day a
 * card is recalled with probability R(t, S), the rating of a success drawn from the user's Hard/Good/Easy shares
 * (a new card's first rating from its own shares), learning and relearning steps passed with Good on the same day;
 * the next interval is FSRS's for the retention (no fuzz), reviews beyond the daily limit wait for the next day.
 * Deterministic for a seed. Pure: days are counted from 0 = today.
 */
public final class Simulator {

    /**
     * Seconds an answer takes, per state the card was in and rating (Again … Easy).
     *
     * @param learning a new card's first answer and its learning steps
     * @param review a card on day intervals
     * @param relearning the steps after a lapse
     */
    public record Costs(double[] learning, double[] review, double[] relearning) {
        /** fsrs-rs's defaults ({@code state_rating_costs}), measured over Anki users. */
        public static final Costs DEFAULTS = new Costs(new double[] {19.58, 18.79, 13.78, 10.71}, new double[] {19.38, 17.59, 12.38, 8.94},
                new double[] {16.44, 15.25, 12.32, 8.03});

        public Costs {
            learning = check(learning, 4);
            review = check(review, 4);
            relearning = check(relearning, 4);
        }
    }

    /**
     * How the user answers.
     *
     * @param first shares of Again, Hard, Good, Easy on a new card's first answer
     * @param recall shares of Hard, Good, Easy among successful reviews
     */
    public record Ratings(double[] first, double[] recall) {
        /** fsrs-rs's defaults ({@code first_rating_prob}, {@code review_rating_prob}). */
        public static final Ratings DEFAULTS = new Ratings(new double[] {0.24, 0.094, 0.495, 0.171}, new double[] {0.224, 0.631, 0.145});

        public Ratings {
            first = check(first, 4);
            recall = check(recall, 3);
        }
    }

    private static double[] check(double[] values, int n) {
        if (values == null || values.length != n) {
            throw new IllegalArgumentException("expected " + n + " values");
        }
        for (double v : values) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("shares and costs must be finite and not negative");
            }
        }
        return values.clone();
    }

    /**
     * @param days how many days to simulate (day 0 = today)
     * @param newCards new cards waiting to be introduced
     * @param newPerDay new cards introduced per day at most
     * @param reviewsPerDay review cards answered per day at most
     * @param interviewDay an interview's day (days from today): until then intervals end before it, as the scheduler does
     */
    public record Setup(int days, int newCards, int newPerDay, int reviewsPerDay, Ratings ratings, Costs costs, long seed,
            OptionalInt interviewDay) {
        public Setup {
            if (days < 1 || days > 36_500 || newCards < 0 || newPerDay < 0 || reviewsPerDay < 0) {
                throw new IllegalArgumentException("days must be 1–36500 and counts not negative");
            }
        }
    }

    /**
     * A card already studied.
     *
     * @param daysSinceReview whole days since its last answer (0 today)
     * @param dueInDays days until it is due (0 or less: due now)
     */
    public record Card(double stability, double difficulty, int daysSinceReview, int dueInDays) {
    }

    /**
     * What the days would look like.
     *
     * @param answers answers per day (learning and relearning steps included)
     * @param introduced new cards introduced per day
     * @param seconds time spent over all days
     * @param retentionAtEnd mean probability of recall on the last day over the cards studied by then
     * @param memorizedAtEnd the sum of those probabilities: cards one can expect to recall
     * @param reviews answers to cards on day intervals (what true retention is measured on)
     * @param recalled of which recalled
     */
    public record Outcome(double desiredRetention, int[] answers, int[] introduced, double seconds, double retentionAtEnd,
            double memorizedAtEnd, long reviews, long recalled) {
        public Outcome {
            answers = answers.clone();
            introduced = introduced.clone();
        }

        /** Share of review answers recalled: the simulated true retention. */
        public double trueRetention() {
            return reviews == 0 ? Double.NaN : (double) recalled / reviews;
        }

        public double answersPerDay() {
            long sum = 0;
            for (int a : answers) {
                sum += a;
            }
            return (double) sum / answers.length;
        }

        /** Seconds of study per card remembered at the end: the workload figure the optimal retention minimises. */
        public double secondsPerMemorized() {
            return memorizedAtEnd > 0 ? seconds / memorizedAtEnd : Double.POSITIVE_INFINITY;
        }
    }

    private Simulator() {
    }

    /** Simulates {@code setup.days()} days for the cards at {@code parameters}' desired retention. */
    public static Outcome run(FsrsParameters parameters, List<Card> cards, Setup setup) {
        Fsrs fsrs = new Fsrs(parameters.withFuzz(false));
        int learningSteps = parameters.learningSteps().size();
        int relearningSteps = parameters.relearningSteps().size();
        int total = cards.size() + setup.newCards();
        double[] s = new double[total];
        double[] d = new double[total];
        int[] last = new int[total];
        int[] due = new int[total];
        boolean[] seen = new boolean[total];
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> due[a] != due[b] ? Integer.compare(due[a], due[b])
                : Boolean.compare(!seen[a], !seen[b]) != 0 ? Boolean.compare(!seen[a], !seen[b]) : Integer.compare(a, b));
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            s[i] = c.stability();
            d[i] = c.difficulty();
            last[i] = -Math.max(0, c.daysSinceReview());
            due[i] = Math.max(0, c.dueInDays());
            seen[i] = true;
            if (due[i] < setup.days()) {
                queue.add(i);
            }
        }
        if (setup.newPerDay() > 0) {
            for (int k = 0; k < setup.newCards(); k++) {
                int i = cards.size() + k;
                due[i] = k / setup.newPerDay();
                if (due[i] < setup.days()) {
                    queue.add(i);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(setup.seed());
        Costs costs = setup.costs();
        int[] answers = new int[setup.days()];
        int[] introduced = new int[setup.days()];
        int[] reviewed = new int[setup.days()];
        double seconds = 0;
        long reviews = 0;
        long recalls = 0;
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int day = due[i];
            MemoryState m;
            if (!seen[i]) {
                if (introduced[day] >= setup.newPerDay()) {
                    requeue(queue, due, i, day + 1, setup.days());
                    continue;
                }
                Rating g = Rating.values()[pick(setup.ratings().first(), random)];
                m = fsrs.nextMemory(null, 0, g);
                seconds += costs.learning()[g.grade() - 1];
                answers[day]++;
                int steps = g == Rating.EASY ? 0 : g == Rating.GOOD ? Math.max(0, learningSteps - 1) : learningSteps;
                for (int k = 0; k < steps; k++) {
                    m = fsrs.nextMemory(m, 0, Rating.GOOD);
                    seconds += costs.learning()[2];
                    answers[day]++;
                }
                introduced[day]++;
                seen[i] = true;
            } else {
                if (reviewed[day] >= setup.reviewsPerDay()) {
                    requeue(queue, due, i, day + 1, setup.days());
                    continue;
                }
                int elapsed = day - last[i];
                MemoryState before = new MemoryState(s[i], d[i]);
                double r = fsrs.retrievability(elapsed, s[i]);
                boolean recalled = random.nextDouble() < r;
                Rating g = recalled ? Rating.values()[1 + pick(setup.ratings().recall(), random)] : Rating.AGAIN;
                m = fsrs.nextMemory(before, Math.max(1, elapsed), g);
                seconds += costs.review()[g.grade() - 1];
                answers[day]++;
                reviewed[day]++;
                reviews++;
                recalls += recalled ? 1 : 0;
                if (!recalled) {
                    for (int k = 0; k < relearningSteps; k++) {
                        m = fsrs.nextMemory(m, 0, Rating.GOOD);
                        seconds += costs.relearning()[2];
                        answers[day]++;
                    }
                }
            }
            s[i] = m.stability();
            d[i] = m.difficulty();
            last[i] = day;
            int interval = fsrs.interval(m.stability());
            if (setup.interviewDay().isPresent()) {
                int left = setup.interviewDay().getAsInt() - day;
                if (left >= 2) {
                    interval = Math.min(interval, left - 1);
                }
            }
            requeue(queue, due, i, day + interval, setup.days());
        }
        double recall = 0;
        int studied = 0;
        int end = setup.days() - 1;
        for (int i = 0; i < total; i++) {
            if (seen[i]) {
                recall += fsrs.retrievability(end - last[i], s[i]);
                studied++;
            }
        }
        return new Outcome(parameters.desiredRetention(), answers, introduced, seconds, studied == 0 ? Double.NaN : recall / studied, recall,
                reviews, recalls);
    }

    private static void requeue(PriorityQueue<Integer> queue, int[] due, int i, int day, int days) {
        due[i] = day;
        if (day < days) {
            queue.add(i);
        }
    }

    /** Index drawn with probability proportional to its share. */
    private static int pick(double[] shares, SplittableRandom random) {
        double total = 0;
        for (double v : shares) {
            total += v;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            target -= shares[i];
            if (target < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /**
     * The simulation at each of {@code retentions}, and the workload-optimal one among them: the least study time
     * per card remembered at the end ({@link Outcome#secondsPerMemorized()}, fsrs-rs's and py-fsrs's criterion).
     */
    public static Sweep sweep(FsrsParameters parameters, List<Card> cards, Setup setup, double[] retentions) {
        List<Outcome> out = new ArrayList<>();
        Outcome best = null;
        for (double r : retentions) {
            Outcome o = run(parameters.withDesiredRetention(r), cards, setup);
            out.add(o);
            if (best == null || o.secondsPerMemorized() < best.secondsPerMemorized()) {
                best = o;
            }
        }
        return new Sweep(out, best == null ? Double.NaN : best.desiredRetention());
    }

    /** Outcomes in the order of the retentions asked for, and the workload-optimal retention. */
    public record Sweep(List<Outcome> outcomes, double optimalRetention) {
        public Sweep {
            outcomes = List.copyOf(outcomes);
        }
    }
}
