package dev.drillbook.review;

import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import dev.drillbook.review.optimizer.Evaluation;
import dev.drillbook.review.optimizer.FsrsOptimizer;
import dev.drillbook.review.optimizer.ReviewHistory;
import dev.drillbook.settings.Settings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Optimise" and "Evaluate" over the user's own review log, for all cards or one deck (and its sub-decks): the log
 * is read on the caller's thread, the fitting runs in the background one job at a time with its progress readable,
 * and fitted weights take effect only when {@link #accept accepted} (as that scope's preset).
 */
@ApplicationScoped
public class ParameterOptimization {

    private static final Logger LOG = Logger.getLogger(ParameterOptimization.class);
    private static final int KEPT_JOBS = 20;

    @Inject
    EntityManager em;

    @Inject
    ReviewService reviews;

    @Inject
    Scheduling scheduling;

    @Inject
    ParameterSets parameterSets;

    @Inject
    Settings settings;

    /** One optimisation at a time: each is CPU-bound for seconds, and a queued one sees the previous one's result. */
    private final ManagedExecutor worker = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();

    /** Jobs by id, oldest first; only the last {@value #KEPT_JOBS} are kept. */
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    /**
     * One optimisation.
     *
     * @param scope the deck, or null for all cards
     * @param current how the weights in force for the scope fit the same history
     */
    public static final class Job {
        public final String id;
        public final String scope;
        public final Instant startedAt;
        public final Evaluation current;
        final double[] currentWeights;
        private volatile double progress;
        private volatile FsrsOptimizer.Result result;
        private volatile String error;
        private volatile boolean accepted;

        Job(String id, String scope, Instant startedAt, Evaluation current, double[] currentWeights) {
            this.id = id;
            this.scope = scope;
            this.startedAt = startedAt;
            this.current = current;
            this.currentWeights = currentWeights;
        }

        /** running, done or failed. */
        public String status() {
            return error != null ? "failed" : result != null ? "done" : "running";
        }

        public double progress() {
            return result != null ? 1 : progress;
        }

        public Optional<FsrsOptimizer.Result> result() {
            return Optional.ofNullable(result);
        }

        public Optional<String> error() {
            return Optional.ofNullable(error);
        }

        public boolean accepted() {
            return accepted;
        }

        /** The fitted weights fit the history better than those in force. */
        public boolean improves() {
            FsrsOptimizer.Result r = result;
            return r != null && r.optimised() && (current.reviews() == 0 || r.after().logLoss() < current.logLoss());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The answers of the scope's cards (not undone), as the optimiser reads them. */
    public ReviewHistory history(String deck) {
        CardFilter filter = CardFilter.of(deck, null, null, null).resolvedAgainst(reviews.deckNames());
        return QuarkusTransaction.joiningExisting().call(() -> {
            String where = filter.any() ? " and r.cardId in (select c.id from CardEntity c where 1 = 1" + filter.where() + ")" : "";
            TypedQuery<Object[]> q = em.createQuery("select r.cardId, r.reviewedAt, r.rating from ReviewLogEntity r where r.undone = false"
                    + where + " order by r.id", Object[].class);
            filter.bind(q);
            List<ReviewHistory.Answer> answers = new ArrayList<>();
            q.getResultStream().forEach(row -> answers.add(new ReviewHistory.Answer((String) row[0], (Instant) row[1],
                    ((Number) row[2]).intValue())));
            return ReviewHistory.of(answers);
        });
    }

    /** How the weights in force for the scope fit its history. */
    public Evaluation evaluate(String deck) {
        return Evaluation.of(history(deck), weightsInForce(deck));
    }

    private double[] weightsInForce(String deck) {
        SchedulingPolicy policy = scheduling.policy();
        return (deck == null ? policy.globalPreset() : policy.presetFor(deck)).weights();
    }

    /** Starts fitting weights to the scope's history; the returned job reports its progress. */
    public Job start(String deck, Instant now) {
        ReviewHistory history = history(deck);
        double[] current = weightsInForce(deck);
        Job job = new Job(UUID.randomUUID().toString(), deck, now, Evaluation.of(history, current), current);
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        int relearningSteps = scheduling.configured().relearningSteps().size();
        worker.submit(() -> {
            try {
                job.result = new FsrsOptimizer(FsrsOptimizer.Settings.DEFAULTS, relearningSteps).optimize(history, p -> job.progress = p);
            } catch (RuntimeException e) {
                LOG.warnf(e, "FSRS optimisation failed");
                job.error = "The optimisation failed: " + e.getMessage();
            }
        });
        return job;
    }

    public Optional<Job> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Puts a finished job's weights in force for its scope; returns the weight set's id. */
    public String accept(String id, Instant now) {
        Job job = job(id).orElseThrow(() -> new ReviewException(ReviewException.Kind.NOT_FOUND, "No optimisation " + id + "."));
        FsrsOptimizer.Result result = job.result().orElseThrow(() ->
                new ReviewException(ReviewException.Kind.CONFLICT, "The optimisation has not finished yet."));
        if (!result.optimised()) {
            throw new ReviewException(ReviewException.Kind.CONFLICT, "Too few reviews to optimise (" + result.before().reviews()
                    + " answers a day or more after the card's previous one; " + FsrsOptimizer.Settings.DEFAULTS.minimumReviews()
                    + " needed): the defaults stay.");
        }
        String setId = parameterSets.ensure(result.weights(), ParameterSetEntity.OPTIMIZED, job.scope, result.before(), result.after(), now);
        Map<String, String> presets = new LinkedHashMap<>(settings.get(Scheduling.PRESETS, Map.of()));
        presets.put(job.scope == null ? "" : job.scope, setId);
        settings.edit(now).set(Scheduling.PRESETS, presets).commit();
        job.accepted = true;
        return setId;
    }

    /** Drops the scope's preset: its cards go back to the global weights (or, for the global scope, the configured ones). */
    public void reset(String deck, Instant now) {
        Map<String, String> presets = new LinkedHashMap<>(settings.get(Scheduling.PRESETS, Map.of()));
        if (presets.remove(deck == null ? "" : deck) != null) {
            settings.edit(now).set(Scheduling.PRESETS, presets).commit();
        }
    }
}
