package dev.drillbook.review;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.review.simulator.Simulator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * "Help me decide": the user's cards simulated at several desired retentions ({@link Simulator#sweep}), with the
 * rating shares measured on their own log when it has enough answers, and the daily limits of the configuration.
 */
@ApplicationScoped
public class WorkloadSimulation {

    /** The retentions compared. */
    public static final double[] RETENTIONS = {0.70, 0.73, 0.76, 0.79, 0.82, 0.85, 0.88, 0.91, 0.94, 0.97};
    /** Answers of each kind needed before the user's own rating shares replace fsrs-rs's defaults. */
    static final int MIN_ANSWERS_FOR_SHARES = 50;
    static final long SEED = 42;

    @Inject
    EntityManager em;

    @Inject
    ReviewService reviews;

    @Inject
    Scheduling scheduling;

    @Inject
    DrillbookConfig config;

    /**
     * @param cards studied cards simulated
     * @param newCards new cards waiting
     * @param ownShares whether the rating shares are the user's (else fsrs-rs's defaults)
     */
    public record Result(Simulator.Sweep sweep, int days, int cards, int newCards, boolean ownShares, double currentRetention) {
    }

    /** The scope's cards as the simulator takes them, and the number of new cards. */
    public record Deck(List<Simulator.Card> cards, int newCards) {
    }

    public Result simulate(String deck, int days, Instant now) {
        Deck d = cards(CardFilter.of(deck, null, null, null), now);
        Simulator.Ratings ratings = ratings(deck);
        FsrsParameters p = scheduling.policy().fsrs(deck).parameters();
        Simulator.Setup setup = new Simulator.Setup(days, d.newCards(), config.srs().newPerDay(), config.srs().reviewsPerDay(),
                ratings, Simulator.Costs.DEFAULTS, SEED, OptionalInt.empty());
        return new Result(Simulator.sweep(p, d.cards(), setup, RETENTIONS), days, d.cards().size(), d.newCards(),
                ratings != Simulator.Ratings.DEFAULTS, p.desiredRetention());
    }

    /** Studied cards (learning and review, not suspended or deleted) of a filter, and its new cards. */
    public Deck cards(CardFilter unresolved, Instant now) {
        CardFilter filter = unresolved.resolvedAgainst(reviews.deckNames());
        StudyDay day = reviews.studyDay();
        return QuarkusTransaction.joiningExisting().call(() -> {
            TypedQuery<Object[]> q = em.createQuery("select c.queue, c.stability, c.difficulty, c.lastReview, c.due from CardEntity c "
                    + "where c.queue in (0, 1, 2, -2)" + filter.where(), Object[].class);
            filter.bind(q);
            List<Simulator.Card> cards = new ArrayList<>();
            int[] newCards = {0};
            java.time.LocalDate today = day.dateOf(now);
            q.getResultStream().forEach(row -> {
                Instant last = (Instant) row[3];
                double s = ((Number) row[1]).doubleValue();
                if (((Number) row[0]).intValue() == 0 || last == null || s <= 0) {
                    newCards[0]++;
                    return;
                }
                Instant due = row[4] == null ? now : (Instant) row[4];
                cards.add(new Simulator.Card(s, ((Number) row[2]).doubleValue(),
                        (int) java.time.temporal.ChronoUnit.DAYS.between(day.dateOf(last), today),
                        (int) java.time.temporal.ChronoUnit.DAYS.between(today, day.dateOf(due))));
            });
            return new Deck(cards, newCards[0]);
        });
    }

    /** The user's shares of first ratings and of Hard/Good/Easy among passed reviews, where there are enough answers. */
    Simulator.Ratings ratings(String deck) {
        CardFilter filter = CardFilter.of(deck, null, null, null).resolvedAgainst(reviews.deckNames());
        return QuarkusTransaction.joiningExisting().call(() -> {
            String where = filter.any() ? " and r.cardId in (select c.id from CardEntity c where 1 = 1" + filter.where() + ")" : "";
            TypedQuery<Object[]> q = em.createQuery("select r.stateBefore, r.rating, count(r) from ReviewLogEntity r where r.undone = false"
                    + " and r.stateBefore in ('NEW', 'REVIEW')" + where + " group by r.stateBefore, r.rating", Object[].class);
            filter.bind(q);
            double[] first = new double[4];
            double[] recall = new double[3];
            for (Object[] row : q.getResultList()) {
                int rating = ((Number) row[1]).intValue();
                long n = ((Number) row[2]).longValue();
                if ("NEW".equals(row[0])) {
                    first[rating - 1] += n;
                } else if (rating > 1) {
                    recall[rating - 2] += n;
                }
            }
            boolean enough = sum(first) >= MIN_ANSWERS_FOR_SHARES && sum(recall) >= MIN_ANSWERS_FOR_SHARES;
            return enough ? new Simulator.Ratings(first, recall) : Simulator.Ratings.DEFAULTS;
        });
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
