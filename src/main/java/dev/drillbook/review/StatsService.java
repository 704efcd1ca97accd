package dev.drillbook.review;

import dev.drillbook.graph.MasterySource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Study statistics and per-note mastery (average probability of recall), which the topic graph colours by. */
@ApplicationScoped
public class StatsService implements MasterySource {

    /** Mastery changes with time as well as with answers; recompute at least this often. */
    private static final Duration MASTERY_TTL = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    ReviewService reviews;

    @Inject
    dev.drillbook.quiz.CardCatalog catalog;

    @Inject
    Scheduling scheduling;

    @Inject
    ParameterSets parameterSets;

    private volatile MasterySnapshot snapshot;

    private record MasterySnapshot(long stamp, Instant at, Map<String, double[]> notes, Map<String, double[]> tags) {
    }

    @Override
    public Map<String, Double> masteryByNote() {
        Map<String, Double> out = new HashMap<>();
        mastery(Instant.now()).notes().forEach((note, sum) -> out.put(note, sum[0] / sum[1]));
        return out;
    }

    @Override
    public long masteryVersion() {
        return reviews.version() * 1_000_003L + catalog.version();
    }

    /** Mastery of one note's cards: [average retrievability, card count], or null when it has none. */
    public double[] noteMastery(String path) {
        double[] sum = mastery(Instant.now()).notes().get(path);
        return sum == null ? null : new double[] {sum[0] / sum[1], sum[1]};
    }

    @Transactional
    MasterySnapshot mastery(Instant now) {
        long stamp = masteryVersion();
        MasterySnapshot current = snapshot;
        if (current != null && current.stamp() == stamp && current.at().plus(MASTERY_TTL).isAfter(now)) {
            return current;
        }
        Map<String, double[]> notes = new HashMap<>();
        Map<String, double[]> tags = new HashMap<>();
        SchedulingPolicy policy = scheduling.policy();
        Map<String, Fsrs> byDeck = new HashMap<>();
        List<Object[]> rows = em.createQuery("select c.notes, c.tags, c.stability, c.lastReview, c.deck from CardEntity c "
                + "where c.queue <> -3", Object[].class).getResultList();
        for (Object[] row : rows) {
            Fsrs fsrs = byDeck.computeIfAbsent((String) row[4], policy::fsrs);
            double r = row[3] == null ? 0 : fsrs.retrievability(Fsrs.wholeDays((Instant) row[3], now), (Double) row[2]);
            for (String note : CardEntity.splitList((String) row[0])) {
                double[] sum = notes.computeIfAbsent(note, k -> new double[2]);
                sum[0] += r;
                sum[1]++;
            }
            for (String tag : CardEntity.splitList((String) row[1])) {
                double[] sum = tags.computeIfAbsent(tag, k -> new double[2]);
                sum[0] += r;
                sum[1]++;
            }
        }
        MasterySnapshot fresh = new MasterySnapshot(stamp, now, notes, tags);
        snapshot = fresh;
        return fresh;
    }

    private record CachedStats(String key, Instant at, StudyStats stats) {
    }

    private volatile CachedStats cachedStats;

    /** Statistics, computed at most once a minute for the same cards and answers (a large log takes a while). */
    public StudyStats stats(CardFilter filter, Instant now) {
        String key = filter + "|" + masteryVersion() + "|" + reviews.studyDay().dateOf(now);
        CachedStats cached = cachedStats;
        if (cached != null && cached.key().equals(key) && cached.at().plusSeconds(60).isAfter(now)) {
            return cached.stats();
        }
        StudyStats fresh = compute(filter, now);
        cachedStats = new CachedStats(key, now, fresh);
        return fresh;
    }

    @Transactional
    StudyStats compute(CardFilter unresolved, Instant now) {
        CardFilter filter = unresolved.resolvedAgainst(reviews.deckNames());
        StudyDay day = reviews.studyDay();
        LocalDate today = day.dateOf(now);

        Map<LocalDate, long[]> days;
        if (!filter.any()) {
            days = reviews.answersPerDay(); // all cards: the in-memory tally, no scan of the log
        } else {
            String where = " and r.cardId in (select c.id from CardEntity c where 1 = 1" + filter.where() + ")";
            var logQuery = em.createQuery("select r.reviewedAt, r.rating, r.stateBefore from ReviewLogEntity r where r.undone = false"
                    + where, Object[].class);
            filter.bind(logQuery);
            List<ReviewDays.Answer> answers = new ArrayList<>();
            for (Object[] row : logQuery.getResultList()) {
                answers.add(new ReviewDays.Answer(0, day.dateOf((Instant) row[0]), ((Number) row[1]).intValue(), "REVIEW".equals(row[2])));
            }
            days = ReviewDays.tally(answers);
        }
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        LocalDate monthStart = day.dateOf(now.minus(Duration.ofDays(30)));
        long reviewAnswers = 0;
        long reviewPasses = 0;
        long monthAnswers = 0;
        long monthPasses = 0;
        for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
            long[] c = e.getValue();
            if (!e.getKey().isBefore(today.minusDays(364)) && c[0] > 0) {
                perDay.put(e.getKey(), (int) c[0]);
            }
            reviewAnswers += c[1];
            reviewPasses += c[2];
            if (!e.getKey().isBefore(monthStart)) {
                monthAnswers += c[1];
                monthPasses += c[2];
            }
        }
        List<StudyStats.DayCount> heatmap = new ArrayList<>();
        for (int i = 364; i >= 0; i--) {
            LocalDate d = today.minusDays(i);
            heatmap.add(new StudyStats.DayCount(d, perDay.getOrDefault(d, 0)));
        }
        int streak = 0;
        for (int i = perDay.containsKey(today) ? 0 : 1; i < 365 && perDay.containsKey(today.minusDays(i)); i++) {
            streak++;
        }

        int[] forecast = new int[30];
        var dueQuery = em.createQuery("select c.due from CardEntity c where c.queue in (1, 2) and c.due < :until" + filter.where(),
                Instant.class).setParameter("until", day.start(today.plusDays(30)));
        filter.bind(dueQuery);
        for (Instant due : dueQuery.getResultList()) {
            long offset = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, day.dateOf(due)));
            forecast[(int) Math.min(offset, 29)]++;
        }
        List<StudyStats.DayCount> forecastDays = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            forecastDays.add(new StudyStats.DayCount(today.plusDays(i), forecast[i]));
        }

        var stateQuery = em.createQuery("select c.queue, c.state, c.leech, c.stability from CardEntity c where c.queue <> -3"
                + filter.where(), Object[].class);
        filter.bind(stateQuery);
        Map<String, Long> states = new LinkedHashMap<>();
        for (String s : List.of("new", "learning", "review", "relearning", "suspended", "buried", "leeches")) {
            states.put(s, 0L);
        }
        long[] buckets = new long[6];
        for (Object[] row : stateQuery.getResultList()) {
            short queue = ((Number) row[0]).shortValue();
            String key = queue == CardEntity.QUEUE_SUSPENDED ? "suspended" : queue == CardEntity.QUEUE_BURIED ? "buried"
                    : ((String) row[1]).toLowerCase(java.util.Locale.ROOT);
            states.merge(key, 1L, Long::sum);
            if (Boolean.TRUE.equals(row[2])) {
                states.merge("leeches", 1L, Long::sum);
            }
            if (!"NEW".equals(row[1])) {
                double s = (Double) row[3];
                buckets[s < 1 ? 0 : s < 7 ? 1 : s < 30 ? 2 : s < 90 ? 3 : s < 365 ? 4 : 5]++;
            }
        }
        List<StudyStats.StateCount> byState = new ArrayList<>();
        states.forEach((k, v) -> byState.add(new StudyStats.StateCount(k, v)));
        String[] labels = {"< 1 d", "1–7 d", "1–4 wk", "1–3 mo", "3–12 mo", "> 1 y"};
        List<StudyStats.Bucket> stability = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            stability.add(new StudyStats.Bucket(labels[i], buckets[i]));
        }

        MasterySnapshot m = mastery(now);
        List<StudyStats.CalibrationBin> calibration = calibration(filter, now);
        return new StudyStats(heatmap, forecastDays, monthAnswers == 0 ? null : (double) monthPasses / monthAnswers,
                reviewAnswers == 0 ? null : (double) reviewPasses / reviewAnswers, monthAnswers, byState,
                ranked(m.tags()), ranked(m.notes()), perDay.getOrDefault(today, 0), streak, stability, calibration);
    }

    /**
     * Predicted against actual recall over the last year's answers at least a day after the card's previous one:
     * R(t, S) from the stability before the answer and the decay of the weights recorded with it (the current ones
     * for answers logged before weights were recorded).
     */
    List<StudyStats.CalibrationBin> calibration(CardFilter filter, Instant now) {
        var q = em.createQuery("select r.elapsedDays, r.stabilityBefore, r.rating, r.parametersId, c.deck from ReviewLogEntity r, "
                + "CardEntity c where c.id = r.cardId and r.undone = false and r.elapsedDays >= 1 and r.lastReviewBefore is not null "
                + "and r.stabilityBefore > 0 and r.reviewedAt >= :since" + filter.where(), Object[].class)
                .setParameter("since", now.minus(Duration.ofDays(365)));
        filter.bind(q);
        SchedulingPolicy policy = scheduling.policy();
        Map<String, Fsrs> byParameters = new HashMap<>();
        Map<String, Fsrs> byDeck = new HashMap<>();
        RecallCalibration tally = new RecallCalibration();
        q.getResultStream().forEach(row -> {
            String id = (String) row[3];
            Fsrs fsrs = id == null ? null : byParameters.computeIfAbsent(id, k -> parameterSets.weights(k)
                    .map(w -> new Fsrs(policy.base().withWeights(w))).orElse(null));
            if (fsrs == null) {
                fsrs = byDeck.computeIfAbsent((String) row[4], policy::fsrs);
            }
            tally.add(fsrs.retrievability(((Number) row[0]).intValue(), ((Number) row[1]).doubleValue()), ((Number) row[2]).intValue() > 1);
        });
        return tally.bins();
    }

    private static List<StudyStats.Mastery> ranked(Map<String, double[]> sums) {
        List<StudyStats.Mastery> out = new ArrayList<>();
        sums.forEach((name, sum) -> out.add(new StudyStats.Mastery(name, sum[0] / sum[1], (int) sum[1])));
        out.sort(Comparator.comparingDouble(StudyStats.Mastery::mastery).thenComparing(StudyStats.Mastery::name));
        return out;
    }
}
