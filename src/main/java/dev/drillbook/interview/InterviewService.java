package dev.drillbook.interview;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.ConceptGrade;
import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.grading.Grade;
import dev.drillbook.grading.GradingService;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.ReviewService;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.ProblemSource;
import dev.drillbook.vault.VaultPaths;
import dev.drillbook.vault.VaultProblem;

import dev.drillbook.grading.QuestionsChanged;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mock interview sessions: plan from a format, one item open at a time with its own clock, answers saved as they are
 * typed, grading after the end (no feedback before), a report, and the misses fed back into spaced repetition.
 */
@ApplicationScoped
public class InterviewService implements ProblemSource {

    private static final Logger LOG = Logger.getLogger(InterviewService.class);

    /** Seconds after an item's deadline in which a save still counts (the browser's final save is on its way). */
    static final int GRACE_SECONDS = 10;

    /** Items graded below this share of full marks are misses: fed back into spaced repetition and listed as fixes. */
    static final double MISS = 0.6;

    @Inject
    DrillbookConfig config;

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    ReviewService reviews;

    @Inject
    dev.drillbook.quiz.CardCatalog cards;

    @Inject
    dev.drillbook.story.StoryBank stories;

    @Inject
    @CacheName("interview-formats")
    Cache formatCache;

    private record Formats(List<InterviewFormat> formats, Map<String, List<VaultProblem>> problems) {
    }

    /** A problem the caller can act on: unknown session or item (404) or an action the session state forbids (409). */
    public static final class InterviewException extends RuntimeException {
        public final int status;

        InterviewException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    // ------------------------------------------------------------------ formats

    /** Formats in the questions folder ({@code type: interview-format}), by title; the built-in default if there are none. */
    public List<InterviewFormat> formats() {
        return loadedFormats().formats();
    }

    /** The formats and their problems, read once and kept until a file in the questions folder changes. */
    private Formats loadedFormats() {
        return formatCache.get("formats", k -> readFormats()).await().indefinitely();
    }

    void onQuestionsChanged(@Observes QuestionsChanged change) {
        formatCache.invalidateAll().await().indefinitely();
    }

    private Formats readFormats() {
        Path root = config.questionsDir().toAbsolutePath().normalize();
        List<InterviewFormat> out = new ArrayList<>();
        Map<String, List<VaultProblem>> problems = new HashMap<>();
        if (Files.isDirectory(root)) {
            List<Path> files;
            try {
                files = VaultPaths.markdownFiles(root);
            } catch (IOException e) {
                LOG.warnf("Cannot list interview formats: %s", e.getMessage());
                files = List.of();
            }
            for (Path file : files) {
                String source = "questions/" + VaultPaths.relative(root, file);
                try {
                    String text = VaultPaths.readInside(root, file);
                    if (!FormatParser.isFormat(NoteBuilder.frontMatter(text))) {
                        continue;
                    }
                    FormatParser.Result r = FormatParser.parse(source, text);
                    r.format().ifPresent(out::add);
                    List<VaultProblem> found = new ArrayList<>(r.problems());
                    r.format().ifPresent(f -> f.opening().stream().filter(q -> drills.drill(q).isEmpty())
                            .forEach(q -> found.add(new VaultProblem(source, "format", "The opening question \"" + q + "\" is not a drill, "
                                    + "coding exercise or behavioural question in questions/ (write its id, e.g. behavioral/journey).", 1))));
                    if (!found.isEmpty()) {
                        problems.put(source, found);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Cannot read %s: %s", source, e.getMessage());
                }
            }
        }
        out.sort(Comparator.comparing(InterviewFormat::title, String.CASE_INSENSITIVE_ORDER));
        if (out.isEmpty()) {
            out.add(InterviewFormat.DEFAULT);
        }
        return new Formats(List.copyOf(out), Map.copyOf(problems));
    }

    public Optional<InterviewFormat> format(String id) {
        return formats().stream().filter(f -> f.id().equals(id)).findFirst()
                .or(() -> InterviewFormat.DEFAULT.id().equals(id) ? Optional.of(InterviewFormat.DEFAULT) : Optional.empty());
    }

    @Override
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>();
        loadedFormats().problems().values().forEach(all::addAll);
        return all;
    }

    // ------------------------------------------------------------------ sessions

    public record State(SessionEntity session, List<ItemEntity> items) {
        public Optional<ItemEntity> current() {
            return items.stream().filter(i -> ItemEntity.OPEN.equals(i.status)).findFirst();
        }
    }

    /** Plans and starts a session: its first item opens now. */
    public State start(InterviewFormat format, boolean softLimits, Instant now) {
        // right after start-up the cards may still be loading: wait for them rather than plan a session without any
        cards.awaitLoaded(java.time.Duration.ofSeconds(15));
        List<SessionPlanner.Candidate> plan = SessionPlanner.plan(format, candidates(now), now, now.toEpochMilli());
        if (plan.isEmpty()) {
            throw new InterviewException(409, "Nothing to ask: add cards, drills or behavioural questions to questions/ first.");
        }
        long id = QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = new SessionEntity();
            s.formatId = format.id();
            s.title = format.title();
            s.softLimits = softLimits;
            s.status = SessionEntity.ACTIVE;
            s.startedAt = now;
            s.persist();
            int index = 0;
            for (SessionPlanner.Candidate c : plan) {
                ItemEntity item = new ItemEntity();
                item.sessionId = s.id;
                item.position = index;
                item.kind = c.kind().id();
                item.refId = c.id();
                item.tags = String.join(",", c.tags());
                item.timeLimitSeconds = format.secondsFor(c.kind());
                item.status = index == 0 ? ItemEntity.OPEN : ItemEntity.WAITING;
                item.startedAt = index == 0 ? now : null;
                fillPrompt(item);
                item.persist();
                index++;
            }
            return s.id;
        });
        return state(id, now);
    }

    /** The session as it stands; in a hard-limit session, an item whose time ran out while the user was away is closed. */
    public State state(long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = session(id);
            List<ItemEntity> items = items(id);
            if (SessionEntity.ACTIVE.equals(s.status) && !s.softLimits) {
                for (ItemEntity item : items) {
                    if (ItemEntity.OPEN.equals(item.status) && now.isAfter(item.deadline().plusSeconds(GRACE_SECONDS))) {
                        close(item, item.deadline(), ItemEntity.TIMED_OUT);
                        openNext(items, item.position, now);
                    }
                }
            }
            return new State(s, items);
        });
    }

    public List<SessionEntity> sessions() {
        return QuarkusTransaction.joiningExisting().call(() -> SessionEntity.<SessionEntity>list("order by startedAt desc, id desc"));
    }

    /** What {@link #answer} did: the state after it, and a follow-up question when the judge asked one. */
    public record Answered(State state, String followUp) {
    }

    /**
     * Saves the answer of the open item (called every few seconds while typing). With {@code done}, the item closes and
     * the next opens — except that the first time a system-design answer is done and a judge is configured, the judge
     * asks one follow-up on the weakest dimension, answered within the same item and its remaining time.
     */
    public Answered answer(long id, int index, String answer, boolean done, Instant now) {
        ItemEntity target = QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = session(id);
            ItemEntity item = item(id, index);
            if (!SessionEntity.ACTIVE.equals(s.status)) {
                throw new InterviewException(409, "The session is finished; answers can no longer change.");
            }
            if (!ItemEntity.OPEN.equals(item.status)) {
                throw new InterviewException(409, ItemEntity.WAITING.equals(item.status)
                        ? "Item " + index + " has not started yet." : "Item " + index + " is closed (" + item.status + ").");
            }
            if (!s.softLimits && now.isAfter(item.deadline().plusSeconds(GRACE_SECONDS))) {
                return null;
            }
            item.answer = answer;
            return item;
        });
        if (target == null) {
            // closed in a transaction of its own, so the refusal below does not roll it back
            state(id, now);
            throw new InterviewException(409, "Time is up for item " + index + "; the answer saved at the deadline is kept.");
        }
        String followUp = null;
        if (done && target.itemKind() == ItemKind.DRILL && target.followUp == null && grading.judgeConfigured()
                && answer != null && !answer.isBlank() && now.isBefore(target.deadline())) {
            Optional<Drill> drill = drills.drill(target.refId);
            followUp = drill.flatMap(d -> grading.followUp(d, answer, target.timeUsedSeconds(now))).orElse(null);
        }
        String asked = followUp;
        QuarkusTransaction.requiringNew().run(() -> {
            ItemEntity item = item(id, index);
            if (asked != null) {
                item.followUp = asked;
            } else if (done && ItemEntity.OPEN.equals(item.status)) {
                boolean late = !session(id).softLimits && now.isAfter(item.deadline());
                close(item, now, late ? ItemEntity.TIMED_OUT : ItemEntity.ANSWERED);
                openNext(items(id), index, now);
            }
        });
        return new Answered(state(id, now), asked);
    }

    /** Ends the session: the open item closes, everything answered is sent for grading. */
    public State finish(long id, Instant now) {
        List<ItemEntity> toGrade = QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = session(id);
            if (!SessionEntity.ACTIVE.equals(s.status)) {
                throw new InterviewException(409, "The session is already finished.");
            }
            List<ItemEntity> items = items(id);
            for (ItemEntity item : items) {
                if (ItemEntity.OPEN.equals(item.status)) {
                    boolean late = !s.softLimits && now.isAfter(item.deadline());
                    close(item, late ? item.deadline() : now, late ? ItemEntity.TIMED_OUT : ItemEntity.ANSWERED);
                }
                if (ItemEntity.WAITING.equals(item.status)) {
                    item.status = ItemEntity.SKIPPED;
                }
                if (blank(item.answer) && !ItemEntity.SKIPPED.equals(item.status)) {
                    item.status = ItemEntity.SKIPPED;
                }
            }
            s.status = SessionEntity.GRADING;
            s.finishedAt = now;
            return items.stream().filter(i -> !blank(i.answer)).toList();
        });
        for (ItemEntity item : toGrade) {
            long attempt;
            if (item.itemKind() == ItemKind.CONCEPT) {
                attempt = grading.submitConcept(item.prompt, item.reference == null ? "" : item.reference, fullAnswer(item), item.refId);
            } else {
                Optional<Drill> drill = drills.drill(item.refId);
                if (drill.isEmpty()) {
                    continue;
                }
                attempt = grading.submitAnswer(drill.get(), fullAnswer(item), item.timeUsedSeconds(now), item.timeLimitSeconds);
            }
            QuarkusTransaction.requiringNew().run(() -> ItemEntity.update("attemptId = ?1 where id = ?2", attempt, item.id));
        }
        return state(id, now);
    }

    // ------------------------------------------------------------------ report

    public record ItemResult(ItemEntity item, String status, Integer grade, String grader, String verdict, Integer timeUsedSeconds,
            Integer overrunSeconds, AttemptEntity attempt, Grade drillGrade, ConceptGrade conceptGrade) {
    }

    public record Fix(String text, String itemPrompt, List<String> notes) {
    }

    public record Topic(String name, int grade, int items) {
    }

    public record DimensionProfile(String id, String title, double level, int items) {
    }

    /**
     * @param grading true while answers are still being graded (the report then shows what is ready)
     * @param overall 0–100 mean of item grades (skipped items count 0), null until all are graded
     */
    public record Report(SessionEntity session, boolean grading, Integer overall, List<ItemResult> items, List<DimensionProfile> dimensions,
            List<Topic> topics, List<Fix> fixes, List<String> queuedCards, List<String> redoDrills, int toAssess) {
    }

    public Report report(long id, Instant now) {
        State st = state(id, now);
        List<ItemResult> results = new ArrayList<>();
        boolean pending = SessionEntity.ACTIVE.equals(st.session().status);
        // graded offline, waiting for the user's own assessment: that is the grade that counts, so the report waits for it
        int toAssess = 0;
        for (ItemEntity item : st.items()) {
            AttemptEntity a = item.attemptId == null ? null : grading.attempt(item.attemptId).orElse(null);
            Integer grade = null;
            String status = item.status;
            String grader = null;
            String verdict = null;
            Grade dg = null;
            ConceptGrade cg = null;
            if (ItemEntity.SKIPPED.equals(item.status)) {
                grade = 0;
            } else if (a != null) {
                status = a.status;
                pending |= AttemptEntity.PENDING.equals(a.status);
                toAssess += AttemptEntity.ASSESS.equals(a.status) ? 1 : 0;
                if (AttemptEntity.GRADED.equals(a.status)) {
                    if ("concept".equals(a.kind)) {
                        cg = grading.conceptGradeOf(a);
                        grade = a.score == null ? null : (int) Math.round(a.score * 20);
                        grader = cg == null ? null : cg.grader().label();
                        verdict = cg == null ? null : cg.critique();
                    } else {
                        dg = grading.gradeOf(a);
                        grade = a.score == null ? null : (int) Math.round(a.score);
                        grader = dg == null ? null : dg.grader().label();
                        verdict = dg == null || dg.band() == null ? null : dg.band();
                    }
                } else if (AttemptEntity.FAILED.equals(a.status)) {
                    verdict = a.error;
                }
            } else if (SessionEntity.GRADING.equals(st.session().status) || SessionEntity.FINISHED.equals(st.session().status)) {
                pending |= !ItemEntity.SKIPPED.equals(item.status) && !blank(item.answer) && item.attemptId == null;
            }
            Integer used = item.timeUsedSeconds(now);
            Integer over = used == null ? null : Math.max(0, used - item.timeLimitSeconds);
            results.add(new ItemResult(item, status, grade, grader, verdict, used, over, a, dg, cg));
        }
        boolean settled = !pending && toAssess == 0;
        Integer overall = !settled ? null : (int) Math.round(results.stream().mapToInt(r -> r.grade() == null ? 0 : r.grade()).average().orElse(0));
        List<String> queued = new ArrayList<>();
        List<String> redo = new ArrayList<>();
        for (ItemResult r : results) {
            boolean miss = r.grade() != null && r.grade() < MISS * 100;
            if (miss && r.item().itemKind() == ItemKind.CONCEPT) {
                queued.add(r.item().refId);
            } else if (miss) {
                redo.add(r.item().refId);
            }
        }
        if (settled && SessionEntity.GRADING.equals(st.session().status)) {
            queueMisses(id, queued, overall, now);
        }
        SessionEntity session = !settled ? st.session() : state(id, now).session();
        return new Report(session, pending, overall, results, dimensions(results), topics(results), fixes(results), queued, redo, toAssess);
    }

    /** Once, when the last grade is in: missed concept cards become due now; the session gets its score. */
    private void queueMisses(long id, List<String> cards, Integer overall, Instant now) {
        boolean first = QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity s = session(id);
            if (s.queued) {
                return false;
            }
            s.queued = true;
            s.status = SessionEntity.FINISHED;
            s.score = overall == null ? null : overall.doubleValue();
            return true;
        });
        if (first) {
            for (String card : cards) {
                try {
                    reviews.dueNow(card, now);
                } catch (RuntimeException e) {
                    LOG.infof("Card %s not brought forward: %s", card, e.getMessage());
                }
            }
        }
    }

    private static List<DimensionProfile> dimensions(List<ItemResult> results) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (ItemResult r : results) {
            if (r.drillGrade() == null) {
                continue;
            }
            for (Grade.DimensionGrade d : r.drillGrade().dimensions()) {
                double[] acc = sums.computeIfAbsent(d.id(), k -> new double[2]);
                acc[0] += d.level();
                acc[1]++;
                titles.put(d.id(), d.title());
            }
        }
        List<DimensionProfile> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new DimensionProfile(k, titles.get(k), v[0] / v[1], (int) v[1])));
        out.sort(Comparator.comparingDouble(DimensionProfile::level));
        return out;
    }

    private static List<Topic> topics(List<ItemResult> results) {
        Map<String, int[]> acc = new LinkedHashMap<>();
        for (ItemResult r : results) {
            if (r.grade() == null) {
                continue;
            }
            String topic = new SessionPlanner.Candidate(r.item().itemKind(), r.item().refId, splitTags(r.item().tags), null, null, null).topic();
            int[] a = acc.computeIfAbsent(topic, k -> new int[2]);
            a[0] += r.grade();
            a[1]++;
        }
        List<Topic> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new Topic(k, Math.round((float) v[0] / v[1]), v[1])));
        out.sort(Comparator.comparingInt(Topic::grade));
        return out;
    }

    /** The three most useful things to fix: the weakest items' missed required points, improvements, or the card itself. */
    private List<Fix> fixes(List<ItemResult> results) {
        List<ItemResult> weakest = results.stream().filter(r -> r.grade() != null && r.grade() < MISS * 100)
                .sorted(Comparator.comparingInt(ItemResult::grade)).toList();
        List<Fix> out = new ArrayList<>();
        for (ItemResult r : weakest) {
            if (out.size() >= 3) {
                break;
            }
            String prompt = shorten(r.item().prompt);
            if (r.drillGrade() != null) {
                Optional<Grade.KeyPointGrade> missed = r.drillGrade().keyPoints().stream()
                        .filter(k -> !"covered".equals(k.status())).min(Comparator.comparing(k -> !k.required()));
                if (missed.isPresent()) {
                    out.add(new Fix(Drill.KeyPoint.statement(missed.get().text()), prompt, missed.get().links()));
                    continue;
                }
                if (!r.drillGrade().improvements().isEmpty()) {
                    var i = r.drillGrade().improvements().get(0);
                    out.add(new Fix(i.issue() + " — " + i.nextTime(), prompt, List.of()));
                    continue;
                }
            }
            List<String> notes = r.item().itemKind() == ItemKind.CONCEPT
                    ? reviews.card(r.item().refId).map(c -> CardEntity.splitList(c.notes)).orElse(List.of()) : List.of();
            out.add(new Fix(ItemEntity.SKIPPED.equals(r.item().status) ? "Answer it next time: " + prompt : "Revisit: " + prompt, prompt, notes));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** What can be asked, with what the scheduler and past grades say about each. */
    Map<ItemKind, List<SessionPlanner.Candidate>> candidates(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> askedAt = new HashMap<>();
            for (Object[] row : SessionEntity.getEntityManager()
                    .createQuery("select i.refId, max(i.startedAt) from ItemEntity i where i.startedAt is not null group by i.refId", Object[].class)
                    .getResultList()) {
                askedAt.put((String) row[0], (Instant) row[1]);
            }
            Map<String, Double> conceptGrades = new HashMap<>();
            Map<String, Double> drillGrades = new HashMap<>();
            Map<String, Instant> attemptedAt = new HashMap<>();
            for (AttemptEntity a : AttemptEntity.<AttemptEntity>list("status = ?1 order by submittedAt", AttemptEntity.GRADED)) {
                if (a.score == null) {
                    continue;
                }
                if ("concept".equals(a.kind) && a.cardId != null) {
                    conceptGrades.put(a.cardId, a.score / 5);
                } else if (a.drillId != null) {
                    drillGrades.put(a.drillId, a.score / 100);
                    attemptedAt.put(a.drillId, a.submittedAt);
                }
            }
            Map<ItemKind, List<SessionPlanner.Candidate>> pool = new EnumMap<>(ItemKind.class);
            List<SessionPlanner.Candidate> concepts = new ArrayList<>();
            for (CardEntity c : CardEntity.<CardEntity>list("queue >= ?1 and kind <> 'cloze'", CardEntity.QUEUE_NEW)) {
                if (blank(c.back)) {
                    continue;
                }
                List<String> tags = new ArrayList<>();
                tags.add(c.deck);
                tags.addAll(CardEntity.splitList(c.tags));
                Double r = c.lastReview == null ? null : reviews.retrievability(c, now);
                concepts.add(new SessionPlanner.Candidate(ItemKind.CONCEPT, c.id, tags, r, conceptGrades.get(c.id), latest(c.lastReview, askedAt.get(c.id))));
            }
            pool.put(ItemKind.CONCEPT, concepts);
            for (ItemKind kind : List.of(ItemKind.DRILL, ItemKind.CODING, ItemKind.BEHAVIORAL)) {
                List<SessionPlanner.Candidate> list = new ArrayList<>();
                for (Drill d : switch (kind) {
                    case DRILL -> drills.drills();
                    case CODING -> drills.coding();
                    default -> drills.behavioral();
                }) {
                    list.add(new SessionPlanner.Candidate(kind, d.id(), d.tags(), null, drillGrades.get(d.id()),
                            latest(attemptedAt.get(d.id()), askedAt.get(d.id()))));
                }
                pool.put(kind, list);
            }
            return pool;
        });
    }

    private void fillPrompt(ItemEntity item) {
        if (item.itemKind() == ItemKind.CONCEPT) {
            CardEntity c = CardEntity.findById(item.refId);
            item.prompt = c.front;
            item.reference = c.back;
        } else {
            Drill d = drills.drill(item.refId).orElseThrow();
            item.prompt = d.prompt();
            // a behavioural item's reference is the user's own story for it (empty without one: the report shows it as
            // "your story", and the question's generic outline is on its attempt page)
            item.reference = d.behavioral() ? stories.reference(d.id()) : d.referenceOutline();
        }
    }

    /** The answer as graded. A follow-up and its answer are part of it: the session screen appends the question to the text. */
    static String fullAnswer(ItemEntity item) {
        return item.answer == null ? "" : item.answer;
    }

    private static void close(ItemEntity item, Instant at, String status) {
        item.status = status;
        item.endedAt = at;
    }

    private static void openNext(List<ItemEntity> items, int index, Instant now) {
        items.stream().filter(i -> i.position == index + 1 && ItemEntity.WAITING.equals(i.status)).findFirst().ifPresent(next -> {
            next.status = ItemEntity.OPEN;
            next.startedAt = now;
        });
    }

    private static SessionEntity session(long id) {
        SessionEntity s = SessionEntity.findById(id);
        if (s == null) {
            throw new InterviewException(404, "No interview session " + id + ".");
        }
        return s;
    }

    private static ItemEntity item(long id, int index) {
        ItemEntity item = ItemEntity.find("sessionId = ?1 and position = ?2", id, index).firstResult();
        if (item == null) {
            throw new InterviewException(404, "Session " + id + " has no item " + index + ".");
        }
        return item;
    }

    private static List<ItemEntity> items(long id) {
        return ItemEntity.list("sessionId = ?1 order by position", id);
    }

    static List<String> splitTags(String tags) {
        return tags == null || tags.isBlank() ? List.of() : List.of(tags.split(","));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String shorten(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return t.length() <= 90 ? t : t.substring(0, 87) + "…";
    }

    /** A link target for a topic: the tag page. */
    public static String topicUrl(String topic) {
        return SiteUrls.tag(topic);
    }
}
