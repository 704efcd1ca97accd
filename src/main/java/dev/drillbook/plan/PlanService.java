package dev.drillbook.plan;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.Fsrs;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.InterviewGoal;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.Scheduling;
import dev.drillbook.review.SchedulingPolicy;
import dev.drillbook.review.StudyDay;
import dev.drillbook.review.simulator.Simulator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The interview plan over the stored cards, drills and grades: what {@link InterviewPlanner} makes of them, the
 * retention projected for the day (the in-scope cards simulated until then as the scheduler will treat them), and
 * applying the plan (bringing cards forward). Reads the grading and interview tables, writes only card due times.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    EntityManager em;

    @Inject
    Scheduling scheduling;

    @Inject
    ReviewService reviews;

    @Inject
    DrillCatalog drills;

    @Inject
    DrillbookConfig config;

    /**
     * @param projectedRetention mean probability of recall on the day over the cards studied by then, if the plan is kept
     * @param idleRetention the same for the cards studied now, with no review from now on
     * @param unseenOnTheDay new cards in scope that the daily new-card limit leaves unseen by the day
     */
    public record View(InterviewPlanner.Plan plan, int cardsInScope, Double projectedRetention, Double idleRetention, int unseenOnTheDay) {
    }

    /** The plan for the interview set on the Settings page, if one is set. */
    public Optional<View> current(Instant now) {
        Optional<InterviewGoal> goal = scheduling.policy().interview();
        if (goal.isEmpty()) {
            return Optional.empty();
        }
        StudyDay day = reviews.studyDay();
        LocalDate today = day.dateOf(now);
        List<Scoped> cards = scope(goal.get(), now);
        InterviewPlanner.Plan plan = InterviewPlanner.plan(goal.get(), today, cards.stream().map(Scoped::card).toList(),
                drillOptions(), interviewGrades());
        if (plan.daysLeft() <= 0) {
            return Optional.of(new View(plan, cards.size(), null, null, 0));
        }
        // simulate the cards in scope until the day, with the moves applied and the interview's retention and cap
        List<Simulator.Card> simulated = new ArrayList<>();
        double idle = 0;
        int studied = 0;
        int newCards = 0;
        SchedulingPolicy policy = scheduling.policy();
        for (Scoped s : cards) {
            if (s.card().due() == null) {
                newCards++;
                continue;
            }
            LocalDate due = plan.moves().getOrDefault(s.card().id(), s.card().due());
            int since = (int) ChronoUnit.DAYS.between(day.dateOf(s.lastReview()), today);
            simulated.add(new Simulator.Card(s.stability(), s.difficulty(), since, (int) ChronoUnit.DAYS.between(today, due)));
            idle += policy.fsrs(s.deck()).retrievability(since + plan.daysLeft(), s.stability());
            studied++;
        }
        FsrsParameters base = policy.base();
        FsrsParameters p = base.withDesiredRetention(Math.max(base.desiredRetention(), goal.get().retention()));
        int days = (int) plan.daysLeft() + 1;
        Simulator.Outcome o = Simulator.run(p, simulated, new Simulator.Setup(days, newCards, config.srs().newPerDay(),
                config.srs().reviewsPerDay(), Simulator.Ratings.DEFAULTS, Simulator.Costs.DEFAULTS, 42, OptionalInt.of(days - 1)));
        int introduced = 0;
        for (int i : o.introduced()) {
            introduced += i;
        }
        return Optional.of(new View(plan, cards.size(), Double.isNaN(o.retentionAtEnd()) ? null : o.retentionAtEnd(),
                studied == 0 ? null : idle / studied, newCards - introduced));
    }

    /** Brings the cards the plan moves forward onto their days; returns how many moved. */
    public int apply(Instant now) {
        Optional<View> view = current(now);
        if (view.isEmpty()) {
            return 0;
        }
        StudyDay day = reviews.studyDay();
        Map<String, Instant> dues = new LinkedHashMap<>();
        view.get().plan().moves().forEach((id, date) -> dues.put(id, day.start(date)));
        return reviews.bringForward(dues);
    }

    private record Scoped(InterviewPlanner.Card card, String deck, double stability, double difficulty, Instant lastReview) {
    }

    private List<Scoped> scope(InterviewGoal goal, Instant now) {
        SchedulingPolicy policy = scheduling.policy();
        StudyDay day = reviews.studyDay();
        Map<String, Fsrs> byDeck = new HashMap<>();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Scoped> out = new ArrayList<>();
            em.createQuery("select c.id, c.deck, c.tags, c.queue, c.stability, c.difficulty, c.lastReview, c.due from CardEntity c "
                    + "where c.queue in (0, 1, 2, -2)", Object[].class).getResultStream().forEach(row -> {
                String deck = (String) row[1];
                List<String> tags = CardEntity.splitList((String) row[2]);
                if (!goal.covers(deck, tags)) {
                    return;
                }
                int queue = ((Number) row[3]).intValue();
                double s = ((Number) row[4]).doubleValue();
                Instant last = (Instant) row[6];
                boolean studied = queue != CardEntity.QUEUE_NEW && last != null && s > 0;
                double r = studied ? byDeck.computeIfAbsent(deck, policy::fsrs).retrievability(Fsrs.wholeDays(last, now), s) : 0;
                Instant due = row[7] == null ? now : (Instant) row[7];
                InterviewPlanner.Card card = new InterviewPlanner.Card((String) row[0], topicsOf(goal, deck, tags), r,
                        studied ? day.dateOf(due) : null, studied && queue == CardEntity.QUEUE_REVIEW);
                out.add(new Scoped(card, deck, s, ((Number) row[5]).doubleValue(), last));
            });
            return out;
        });
    }

    /** The goal's topics a card belongs to; without goal topics, its tags (or its deck when it has none). */
    static List<String> topicsOf(InterviewGoal goal, String deck, List<String> tags) {
        if (goal.topics().isEmpty()) {
            return tags.isEmpty() ? List.of(deck) : tags;
        }
        List<String> out = new ArrayList<>();
        for (String topic : goal.topics()) {
            if (InterviewGoal.topicCovers(topic, deck, tags)) {
                out.add(topic);
            }
        }
        return out;
    }

    private List<InterviewPlanner.Drill> drillOptions() {
        Map<String, Double> latest = QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, Double> m = new HashMap<>();
            em.createQuery("select a.drillId, a.score from AttemptEntity a where a.kind = 'drill' and a.status = 'graded' "
                    + "and a.score is not null and a.drillId is not null order by a.submittedAt", Object[].class)
                    .getResultStream().forEach(row -> m.put((String) row[0], ((Number) row[1]).doubleValue() / 100));
            return m;
        });
        List<InterviewPlanner.Drill> out = new ArrayList<>();
        for (Drill d : drills.drills()) {
            out.add(new InterviewPlanner.Drill(d.id(), d.title(), d.tags(), latest.get(d.id())));
        }
        return out;
    }

    private List<Map.Entry<List<String>, Double>> interviewGrades() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Map.Entry<List<String>, Double>> out = new ArrayList<>();
            em.createQuery("select i.tags, a.kind, a.score from ItemEntity i, AttemptEntity a where a.id = i.attemptId "
                    + "and a.status = 'graded' and a.score is not null", Object[].class).getResultStream().forEach(row -> {
                List<String> tags = new ArrayList<>();
                for (String t : ((String) row[0]).split(",")) {
                    if (!t.isBlank()) {
                        tags.add(t.strip().toLowerCase(Locale.ROOT));
                    }
                }
                double score = ((Number) row[2]).doubleValue();
                out.add(new AbstractMap.SimpleImmutableEntry<>(tags, "concept".equals(row[1]) ? score / 5 : score / 100));
            });
            return out;
        });
    }
}
