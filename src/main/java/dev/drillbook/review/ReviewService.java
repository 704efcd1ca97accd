package dev.drillbook.review;

import dev.drillbook.config.DrillbookConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Studying: which card comes next, answering it, undo, bury and suspend. Every method takes the current time as an
 * argument (the web layer passes the clock), so behaviour across days is testable. An answer is committed before
 * the call returns.
 */
@ApplicationScoped
public class ReviewService {

    /** Learning cards due within this time are shown when nothing else is left, as Anki's "learn ahead limit". */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);
    /** A review may be imported with a time at most this far in the future (clock skew between devices). */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    DrillbookConfig config;

    private final AtomicLong version = new AtomicLong();
    /**
     * Answers to one card are applied one at a time. The database is embedded and opened by this process only, so
     * a lock here is enough, and cheaper than SELECT … FOR UPDATE (which writes a lock version of the row in H2).
     */
    private final java.util.concurrent.locks.ReentrantLock[] locks = new java.util.concurrent.locks.ReentrantLock[64];
    private static final String UNDO_LOCK = "\u0000undo";

    {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    private <T> T locked(String key, java.util.function.Supplier<T> action) {
        // undo touches whichever card was answered last: it takes every stripe
        if (UNDO_LOCK.equals(key)) {
            for (var lock : locks) {
                lock.lock();
            }
            try {
                return action.get();
            } finally {
                for (var lock : locks) {
                    lock.unlock();
                }
            }
        }
        var lock = locks[Math.floorMod(key.hashCode(), locks.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
    private volatile List<String> deckNames;
    private final ReviewDays reviewDays = new ReviewDays();
    private volatile Instant lastUnbury = Instant.EPOCH;
    private DueCalendar dueCalendar;

    @Inject
    Scheduling scheduling;

    @PostConstruct
    void init() {
        scheduling.configured();
        dueCalendar = new DueCalendar(scheduling.studyDay());
        if (config.srs().newPerDay() < 0 || config.srs().reviewsPerDay() < 0) {
            throw new IllegalStateException("drillbook.srs.new-per-day and reviews-per-day must not be negative");
        }
    }

    /** The scheduler for cards without a deck preset, at the chosen desired retention (no interview applied). */
    public Fsrs fsrs() {
        return scheduling.policy().fsrs(null);
    }

    public StudyDay studyDay() {
        return scheduling.studyDay();
    }

    /** Changes after every answer, undo, bury or suspend: lets caches of mastery and statistics know. */
    public long version() {
        return version.get();
    }

    /** The card to show next, the counts left today, and when the next card is due if none is. */
    public record Next(CardEntity card, Map<Rating, Memory> preview, int newLeft, int learning, int reviewLeft, Instant nextDue) {
    }

    public Optional<CardEntity> card(String id) {
        return Optional.ofNullable(em.find(CardEntity.class, id));
    }

    public CardEntity require(String id) {
        return card(id).orElseThrow(() -> new ReviewException(ReviewException.Kind.NOT_FOUND, "No card with id " + id + "."));
    }

    /** Names of the decks that have cards; cached until {@link #decksChanged()}. */
    public List<String> deckNames() {
        List<String> names = deckNames;
        if (names == null) {
            long before = deckVersion.get();
            names = List.copyOf(QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                    "select distinct c.deck from CardEntity c where c.queue <> -3", String.class).getResultList()));
            // kept only if the decks did not change while it was read: a stale list must not outlive decksChanged()
            synchronized (deckVersion) {
                if (deckVersion.get() == before) {
                    deckNames = names;
                }
            }
        }
        return names;
    }

    /** Bumped whenever the deck names are dropped, so a read that raced with the change is not cached. */
    private final java.util.concurrent.atomic.AtomicLong deckVersion = new java.util.concurrent.atomic.AtomicLong();

    private void dropDeckNames() {
        synchronized (deckVersion) {
            deckVersion.incrementAndGet();
            deckNames = null;
        }
    }

    /** Called when cards were added, removed or moved between decks. */
    public void decksChanged() {
        dropDeckNames();
        dueCalendar.invalidate();
        version.incrementAndGet();
    }

    /** Schedules and the log were replaced wholesale (a backup restored): forget everything counted in memory. */
    public void restored() {
        dropDeckNames();
        dueCalendar.invalidate();
        today.set(null);
        version.incrementAndGet();
    }

    public List<CardEntity> cards(CardFilter unresolved, boolean dueOnly, boolean includeDeleted, Instant now, int offset, int limit) {
        CardFilter filter = unresolved.resolvedAgainst(deckNames());
        String where = "where 1 = 1" + (includeDeleted ? "" : " and c.queue <> -3") + filter.where()
                + (dueOnly ? " and c.queue in (1, 2) and c.due <= :now" : "");
        TypedQuery<CardEntity> q = em.createQuery("from CardEntity c " + where + " order by c.newOrder", CardEntity.class);
        filter.bind(q);
        if (dueOnly) {
            q.setParameter("now", now);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Memory retrievability for API responses: 0 for new cards. */
    public double retrievability(CardEntity card, Instant now) {
        return scheduling.policy().fsrs(card.deck).retrievability(card.memory(), now);
    }

    /** The four possible outcomes, as shown on the answer buttons (the same fuzz and balancing as the real answer). */
    public Map<Rating, Memory> preview(CardEntity card, Instant now) {
        Scheduled s = scheduled(card, now);
        return s.scheduling().fsrs().preview(card.memory(), now, s.chooser());
    }

    /** What a card is scheduled with now, and how its review interval is picked from the fuzz range. */
    private record Scheduled(SchedulingPolicy.CardScheduling scheduling, Fsrs.IntervalChooser chooser) {
    }

    private Scheduled scheduled(CardEntity card, Instant now) {
        SchedulingPolicy policy = scheduling.policy();
        SchedulingPolicy.CardScheduling s = policy.forCard(card.deck, CardEntity.splitList(card.tags), now);
        double draw = fuzzDraw(card);
        if (!policy.loadBalancing()) {
            return new Scheduled(s, Fsrs.uniform(draw));
        }
        java.time.LocalDate today = studyDay().dateOf(now);
        LoadBalancer balancer = new LoadBalancer(today, dueCalendar.counts(today, () -> dueReviews(today)), policy.easyDays());
        return new Scheduled(s, balancer.chooser(() -> siblingDays(card, today), draw));
    }

    /** Due times of review cards due in the load balancer's window from {@code today}. */
    private List<Instant> dueReviews(java.time.LocalDate today) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery("select c.due from CardEntity c where c.queue = 2 "
                + "and c.due >= :from and c.due < :until", Instant.class)
                .setParameter("from", studyDay().start(today))
                .setParameter("until", studyDay().start(today.plusDays(LoadBalancer.DAYS))).getResultList());
    }

    /** Days after {@code today} on which other review cards of the same block (a reversed pair, a cloze's parts) are due. */
    private List<Integer> siblingDays(CardEntity card, java.time.LocalDate today) {
        List<Instant> dues = QuarkusTransaction.joiningExisting().call(() -> em.createQuery("select c.due from CardEntity c "
                + "where c.source = :source and c.line = :line and c.id <> :id and c.queue = 2", Instant.class)
                .setParameter("source", card.source).setParameter("line", card.line).setParameter("id", card.id).getResultList());
        List<Integer> out = new ArrayList<>();
        for (Instant due : dues) {
            out.add((int) java.time.temporal.ChronoUnit.DAYS.between(today, studyDay().dateOf(due)));
        }
        return out;
    }

    /**
     * What to study now: learning cards that are due, then reviews due today (within the daily limit), then new
     * cards (within the daily limit), then learning cards due within {@link #LEARN_AHEAD}.
     */
    public Next next(CardFilter unresolved, Instant now) {
        unburyIfDayChanged(now);
        // Read-only from here, without a transaction of its own: it spares the hottest request of a study session
        // a transaction begin and commit. (Called within an HTTP request, which scopes the persistence context.)
        {
            CardFilter filter = unresolved.resolvedAgainst(deckNames());
            Instant dayStart = studyDay().startOf(now);
            Instant dayEnd = studyDay().nextStart(now);
            int[] today = doneToday(now);
            int newLeft = Math.max(0, config.srs().newPerDay() - today[0]);
            int reviewLeft = Math.max(0, config.srs().reviewsPerDay() - today[1]);
            // counts only up to what can be studied today (index walks of at most a few hundred entries, no sort), all
            // three in one statement; the card to show is then the first in queue order, a walk that stops at the first match
            int[] counts = countsUpTo(filter, now.plus(LEARN_AHEAD), dayEnd, reviewLeft, newLeft);
            int learning = counts[0];
            int reviewsDue = counts[1];
            int newAvailable = counts[2];
            CardEntity card = learning == 0 ? null : first(filter, "c.queue = 1 and c.due <= :until", "c.due", now);
            if (card == null && reviewsDue > 0) {
                card = first(filter, "c.queue = 2 and c.due < :until", "c.due", dayEnd);
            }
            if (card == null && newAvailable > 0) {
                card = first(filter, "c.queue = 0", "c.newOrder", null);
            }
            if (card == null && learning > 0) {
                card = first(filter, "c.queue = 1 and c.due <= :until", "c.due", now.plus(LEARN_AHEAD));
            }
            Instant nextDue = null;
            if (card == null) {
                CardEntity upcoming = first(filter, "c.queue in (1, 2)", "c.due", null);
                nextDue = upcoming == null ? null : upcoming.due;
                if (nextDue != null && nextDue.isBefore(dayEnd) && upcoming.queue == CardEntity.QUEUE_REVIEW) {
                    nextDue = dayEnd; // due today but the review limit is reached: tomorrow
                }
                if (newAvailable == 0 && countUpTo(filter, "c.queue = 0", null, 1) > 0 && (nextDue == null || nextDue.isAfter(dayEnd))) {
                    nextDue = dayEnd; // new cards wait for tomorrow's limit
                }
            }
            return new Next(card, card == null ? Map.of() : preview(card, now), newAvailable, learning, reviewsDue, nextDue);
        }
    }

    /** Cards to study per deck today: new (before the daily limit), learning, due reviews, and all live cards. */
    public record DeckCount(String deck, long newCards, long learning, long due, long total) {
    }

    public List<DeckCount> decks(Instant now) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            unburyIfDayChanged(now);
            Instant dayEnd = studyDay().nextStart(now);
            Map<String, long[]> counts = new java.util.TreeMap<>();
            List<Object[]> rows = em.createQuery("select c.deck, c.queue, count(c), sum(case when c.queue = 1 and c.due <= :learn then 1 "
                    + "when c.queue = 2 and c.due < :dayEnd then 1 else 0 end) from CardEntity c where c.queue <> -3 "
                    + "group by c.deck, c.queue", Object[].class)
                    .setParameter("learn", now.plus(LEARN_AHEAD)).setParameter("dayEnd", dayEnd).getResultList();
            for (Object[] row : rows) {
                long[] c = counts.computeIfAbsent((String) row[0], k -> new long[4]);
                short queue = ((Number) row[1]).shortValue();
                long n = ((Number) row[2]).longValue();
                long due = row[3] == null ? 0 : ((Number) row[3]).longValue();
                if (queue == CardEntity.QUEUE_NEW) {
                    c[0] += n;
                } else if (queue == CardEntity.QUEUE_LEARNING) {
                    c[1] += due;
                } else if (queue == CardEntity.QUEUE_REVIEW) {
                    c[2] += due;
                }
                c[3] += n;
            }
            List<DeckCount> out = new ArrayList<>();
            counts.forEach((deck, c) -> out.add(new DeckCount(deck, c[0], c[1], c[2], c[3])));
            return out;
        });
    }

    /** Records an answer. Committed when this returns. */
    public CardEntity answer(String id, Rating rating, Instant reviewedAt, Instant now) {
        Instant at = checkedTime(reviewedAt, now);
        // the read lock spans commit and tally, so a recount of today (write lock) never falls between them
        todayLock.readLock().lock();
        Change result;
        try {
            result = locked(id, () -> QuarkusTransaction.requiringNew().call(() -> apply(id, rating, at)));
            tally(result.log(), 1);
        } finally {
            todayLock.readLock().unlock();
        }
        moved(result);
        return result.card();
    }

    /** A past answer to replay: what was pressed, and when. */
    public record PastAnswer(Rating rating, Instant reviewedAt) {
    }

    /**
     * Records a card's past answers, oldest first, in one transaction (an imported history: one commit per answer
     * replayed 60 answers a second, so a few thousand took minutes). All or none are recorded.
     */
    public void replay(String id, List<PastAnswer> answers, Instant now) {
        List<Instant> times = answers.stream().map(a -> checkedTime(a.reviewedAt(), now)).toList();
        todayLock.readLock().lock();
        List<Change> changes;
        try {
            changes = locked(id, () -> QuarkusTransaction.requiringNew().call(() -> {
                List<Change> out = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    out.add(apply(id, answers.get(i).rating(), times.get(i)));
                }
                return out;
            }));
            changes.forEach(c -> tally(c.log(), 1));
        } finally {
            todayLock.readLock().unlock();
        }
        changes.forEach(this::moved);
    }

    private static Instant checkedTime(Instant reviewedAt, Instant now) {
        // the database keeps microseconds; milliseconds are plenty and round-trip through JSON unchanged
        Instant at = (reviewedAt == null ? now : reviewedAt).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ReviewException(ReviewException.Kind.BAD_INPUT, "reviewedAt " + at + " is in the future.");
        }
        return at;
    }

    /** One answer inside the caller's transaction. */
    private Change apply(String id, Rating rating, Instant at) {
        CardEntity card = em.find(CardEntity.class, id);
        if (card == null) {
            throw new ReviewException(ReviewException.Kind.NOT_FOUND, "No card with id " + id + ".");
        }
        if (card.deleted()) {
            throw new ReviewException(ReviewException.Kind.CONFLICT, "Card " + id + " was deleted from "
                    + card.source + "; its history is kept but it cannot be reviewed.");
        }
        if (card.lastReview != null && at.isBefore(card.lastReview)) {
            throw new ReviewException(ReviewException.Kind.BAD_INPUT, "reviewedAt " + at
                    + " is earlier than this card's last review (" + card.lastReview + "); reviews must be in order.");
        }
        Memory before = card.memory();
        Scheduled s = scheduled(card, at);
        Memory after = s.scheduling().fsrs().preview(before, at, s.chooser()).get(rating);
        ReviewLogEntity log = ReviewLogEntity.of(card, rating, at, after);
        log.parametersId = s.scheduling().parametersId();
        log.desiredRetention = s.scheduling().desiredRetention();
        em.persist(log);
        card.apply(after);
        if (after.lapses() >= config.srs().leechLapses() && after.lapses() > before.lapses()) {
            card.leech = true;
        }
        em.flush();
        return new Change(card, log);
    }

    /** The due calendar and the version, once the answer is committed and tallied. */
    private void moved(Change result) {
        ReviewLogEntity log = result.log();
        dueCalendar.moved(log.queueBefore == CardEntity.QUEUE_REVIEW ? log.dueBefore : null,
                result.card().queue == CardEntity.QUEUE_REVIEW ? result.card().due : null);
        version.incrementAndGet();
    }

    /** What a committed answer or undo changed, for the in-memory tallies updated after the commit. */
    private record Change(CardEntity card, ReviewLogEntity log) {
    }

    private void tally(ReviewLogEntity log, int sign) {
        ReviewDays.Answer answer = new ReviewDays.Answer(log.id, studyDay().dateOf(log.reviewedAt), log.rating,
                "REVIEW".equals(log.stateBefore));
        if (sign > 0) {
            reviewDays.added(answer);
        } else {
            reviewDays.undone(answer);
        }
        countToday(log.reviewedAt, log.stateBefore, sign);
    }

    /** Takes back the most recent answer not yet undone; several calls go further back. */
    public CardEntity undo() {
        todayLock.readLock().lock();
        Change change;
        try {
        change = locked(UNDO_LOCK, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<ReviewLogEntity> last = em.createQuery("from ReviewLogEntity r where r.undone = false order by r.id desc",
                    ReviewLogEntity.class).setMaxResults(1).getResultList();
            if (last.isEmpty()) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "Nothing to undo.");
            }
            ReviewLogEntity log = last.get(0);
            CardEntity card = em.find(CardEntity.class, log.cardId);
            log.restoreBefore(card);
            log.undone = true;
            return new Change(card, log);
        }));
        tally(change.log(), -1);
        } finally {
            todayLock.readLock().unlock();
        }
        dueCalendar.invalidate();
        version.incrementAndGet();
        return change.card();
    }

    /** Hides a card until the next study day. */
    public CardEntity bury(String id, Instant now) {
        return change(id, card -> {
            if (card.queue < 0) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "Only cards in the study queue can be buried.");
            }
            card.queue = CardEntity.QUEUE_BURIED;
            card.buriedUntil = studyDay().nextStart(now);
        });
    }

    public CardEntity suspend(String id) {
        return change(id, card -> {
            if (card.deleted()) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "Card " + id + " was deleted from its file.");
            }
            card.queue = CardEntity.QUEUE_SUSPENDED;
            card.buriedUntil = null;
        });
    }

    /**
     * Brings a card forward after it was missed elsewhere (a mock interview): a card in review or learning becomes due
     * now; a new card moves to the front of the new cards. Suspended, buried and deleted cards are left alone.
     */
    public CardEntity dueNow(String id, Instant now) {
        return change(id, card -> {
            if (card.queue == CardEntity.QUEUE_REVIEW || card.queue == CardEntity.QUEUE_LEARNING) {
                if (card.due == null || card.due.isAfter(now)) {
                    card.due = now;
                }
            } else if (card.queue == CardEntity.QUEUE_NEW) {
                card.newOrder = -now.toEpochMilli();
            }
        });
    }

    /**
     * Brings review cards forward to the given times (an interview plan); a card is moved only if it is on day
     * intervals and due later than its new time. Schedules only: the review log is not touched. Returns how many moved.
     */
    public int bringForward(Map<String, Instant> dues) {
        int moved = QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            for (Map.Entry<String, Instant> e : dues.entrySet()) {
                CardEntity c = em.find(CardEntity.class, e.getKey());
                if (c != null && c.queue == CardEntity.QUEUE_REVIEW && c.due != null && c.due.isAfter(e.getValue())) {
                    c.due = e.getValue();
                    n++;
                }
            }
            return n;
        });
        if (moved > 0) {
            dueCalendar.invalidate();
            version.incrementAndGet();
        }
        return moved;
    }

    /** Puts a suspended or buried card back in the queue its state belongs to. */
    public CardEntity restore(String id) {
        return change(id, card -> {
            if (card.deleted()) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "Card " + id + " was deleted from its file.");
            }
            card.queue = CardEntity.queueFor(card.cardState());
            card.buriedUntil = null;
        });
    }

    private CardEntity change(String id, java.util.function.Consumer<CardEntity> change) {
        CardEntity card = locked(id, () -> QuarkusTransaction.requiringNew().call(() -> {
            CardEntity c = em.find(CardEntity.class, id);
            if (c == null) {
                throw new ReviewException(ReviewException.Kind.NOT_FOUND, "No card with id " + id + ".");
            }
            change.accept(c);
            return c;
        }));
        dueCalendar.invalidate();
        version.incrementAndGet();
        return card;
    }

    private void unburyIfDayChanged(Instant now) {
        // buried cards come back at the start of a study day; checking once a minute is plenty, and spares every
        // request a write statement
        if (now.isBefore(lastUnbury.plusSeconds(60))) {
            return;
        }
        lastUnbury = now;
        int n = QuarkusTransaction.requiringNew().call(() -> em.createQuery("update CardEntity c set c.queue = case "
                + "when c.state = 'NEW' then 0 when c.state = 'REVIEW' then 2 else 1 end, c.buriedUntil = null "
                + "where c.queue = -2 and c.buriedUntil <= :now")
                .setParameter("now", now).executeUpdate());
        if (n > 0) {
            version.incrementAndGet();
        }
    }

    /** Answers given today that count against the daily limits; read once per day, then kept up to date. */
    private record Today(java.time.LocalDate day, int newDone, int reviewDone) {
    }

    private final java.util.concurrent.atomic.AtomicReference<Today> today = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Answers and undos hold its read lock from their transaction to their tally; a recount holds the write lock, so
     * it counts either before an answer commits or after it is tallied: an answer at the moment of a recount is
     * neither lost nor counted twice.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock todayLock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private int[] doneToday(Instant now) {
        java.time.LocalDate day = studyDay().dateOf(now);
        Today t = today.get();
        if (t == null || !t.day().equals(day)) {
            todayLock.writeLock().lock();
            try {
                t = today.get();
                if (t == null || !t.day().equals(day)) {
                    int[] counted = countDoneToday(studyDay().start(day));
                    t = new Today(day, counted[0], counted[1]);
                    today.set(t);
                }
            } finally {
                todayLock.writeLock().unlock();
            }
        }
        return new int[] {t.newDone(), t.reviewDone()};
    }

    private void countToday(Instant at, String stateBefore, int sign) {
        java.time.LocalDate day = studyDay().dateOf(at);
        int isNew = "NEW".equals(stateBefore) ? sign : 0;
        int isReview = "REVIEW".equals(stateBefore) ? sign : 0;
        today.updateAndGet(t -> t != null && t.day().equals(day)
                ? new Today(day, Math.max(0, t.newDone() + isNew), Math.max(0, t.reviewDone() + isReview)) : t);
    }

    /** [new cards introduced, review cards answered] since the start of the study day. */
    private int[] countDoneToday(Instant dayStart) {
        List<Object[]> rows = em.createQuery("select r.stateBefore, count(r) from ReviewLogEntity r where r.reviewedAt >= :start "
                + "and r.undone = false and r.stateBefore in ('NEW', 'REVIEW') group by r.stateBefore", Object[].class)
                .setParameter("start", dayStart).getResultList();
        int[] out = new int[2];
        for (Object[] row : rows) {
            out["NEW".equals(row[0]) ? 0 : 1] = ((Number) row[1]).intValue();
        }
        return out;
    }

    private int countUpTo(CardFilter filter, String condition, Instant until, int cap) {
        if (cap <= 0) {
            return 0;
        }
        TypedQuery<String> q = em.createQuery("select c.id from CardEntity c where " + condition + filter.where(), String.class);
        filter.bind(q);
        if (until != null) {
            q.setParameter("until", until);
        }
        return q.setMaxResults(cap).getResultList().size();
    }

    /**
     * [learning due by {@code learnUntil} (up to 1,000), reviews due before {@code dayEnd} (up to {@code reviewCap}),
     * new cards (up to {@code newCap})] in one native statement: counting through JPQL meant three round trips, each
     * fetching up to a few hundred ids only to count them.
     */
    private int[] countsUpTo(CardFilter filter, Instant learnUntil, Instant dayEnd, int reviewCap, int newCap) {
        String f = filter.where();
        jakarta.persistence.Query q = em.createNativeQuery("select "
                + "(select count(*) from (select 1 as one from card c where c.queue = 1 and c.due <= :learnUntil" + f + " limit 1000) l), "
                + "(select count(*) from (select 1 as one from card c where c.queue = 2 and c.due < :dayEnd" + f + " limit :reviewCap) r), "
                + "(select count(*) from (select 1 as one from card c where c.queue = 0" + f + " limit :newCap) n)");
        filter.bind(q);
        q.setParameter("learnUntil", learnUntil).setParameter("dayEnd", dayEnd)
                .setParameter("reviewCap", Math.max(0, reviewCap)).setParameter("newCap", Math.max(0, newCap));
        Object[] row = (Object[]) q.getSingleResult();
        // min(): a limit of 0 must mean none, whatever the database makes of it
        return new int[] {((Number) row[0]).intValue(), Math.min(((Number) row[1]).intValue(), Math.max(0, reviewCap)),
                Math.min(((Number) row[2]).intValue(), Math.max(0, newCap))};
    }

    private CardEntity first(CardFilter filter, String condition, String order, Instant until) {
        TypedQuery<CardEntity> q = em.createQuery("from CardEntity c where " + condition + filter.where() + " order by " + order,
                CardEntity.class);
        filter.bind(q);
        if (until != null) {
            q.setParameter("until", until);
        }
        List<CardEntity> result = q.setMaxResults(1).getResultList();
        return result.isEmpty() ? null : result.get(0);
    }

    /** The same draw for a card's preview and its answer, different for each review of it. */
    static double fuzzDraw(CardEntity card) {
        return new SplittableRandom(card.id.hashCode() * 1_000_003L + card.reps).nextDouble();
    }

    /** Answers per study day (all, to review cards, of which passed), from the in-memory tally. */
    public java.util.Map<java.time.LocalDate, long[]> answersPerDay() {
        return reviewDays.snapshot(() -> QuarkusTransaction.joiningExisting().call(() -> {
            List<ReviewDays.Answer> all = new ArrayList<>();
            em.createQuery("select r.id, r.reviewedAt, r.rating, r.stateBefore from ReviewLogEntity r where r.undone = false",
                    Object[].class).getResultStream().forEach(row -> all.add(new ReviewDays.Answer(((Number) row[0]).longValue(),
                    studyDay().dateOf((Instant) row[1]), ((Number) row[2]).intValue(), "REVIEW".equals(row[3]))));
            return all;
        }));
    }

    public List<ReviewLogEntity> history(String cardId) {
        return em.createQuery("from ReviewLogEntity r where r.cardId = :id order by r.id", ReviewLogEntity.class)
                .setParameter("id", cardId).getResultList();
    }
}
