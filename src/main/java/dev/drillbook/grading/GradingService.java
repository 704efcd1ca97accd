package dev.drillbook.grading;

import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import dev.drillbook.config.DrillbookConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Drafts, attempts and grading. An answer is committed to the database before anything else happens; grading then runs
 * on a small pool of its own threads, so a slow or hanging judge never holds a request. Attempts still pending at
 * start-up (the app stopped mid-grading) are graded again.
 */
@ApplicationScoped
public class GradingService {

    private static final Logger LOG = Logger.getLogger(GradingService.class);

    /** Examples of graded answers shown to the judge with each drill answer. */
    static final int EXAMPLES = 3;

    @Inject
    DrillbookConfig config;

    @Inject
    DrillCatalog drills;

    @Inject
    ObjectMapper json;

    private final Clock clock = Clock.systemUTC();
    private volatile ManagedExecutor pool;
    private volatile LlmJudge judge;

    /** Now, to the millisecond: what the database keeps, so a value read back equals the one returned. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Sets the grader up and grades again the attempts left pending; called by the start-up pipeline after
     * {@link DrillCatalog} has read the drills (an attempt whose drill was not read yet would be failed as "no longer
     * in questions/").
     */
    public void start() {
        judge = config.llm().baseUrl().filter(u -> !u.isBlank())
                .map(url -> new LlmJudge(new OpenAiJudgeClient(url.strip(), config.llm().apiKey().orElse(null), config.llm().model(),
                        config.llm().concurrency()), new LlmJudge.Policy(config.llm().maxRetries(), config.llm().retryBackoff(),
                        config.llm().timeout(), config.llm().deadline()), d -> Thread.sleep(d.toMillis()), clock))
                .orElse(null);
        // at most drillbook.llm.concurrency answers are graded at once: the endpoint's own limit, not this machine's
        pool = ManagedExecutor.builder().maxAsync(Math.max(1, config.llm().concurrency())).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
        LOG.infof("Grading with %s", judge == null ? "the offline estimate (no drillbook.llm.base-url)" : "the LLM judge, model " + judge.model());
        // in the background, not on the start-up path
        pool.submit(this::regradePending);
    }

    /**
     * Grades again the attempts the app stopped in the middle of grading — drill and concept answers alike (queued on the
     * grading threads), so a concept answer pending at a crash is graded and readable later.
     */
    void regradePending() {
        QuarkusTransaction.requiringNew().call(() -> AttemptEntity.<AttemptEntity>list("status = ?1", AttemptEntity.PENDING).stream()
                .map(a -> a.id).toList()).forEach(this::enqueue);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The grader new attempts get: the LLM judge when configured, else the offline estimate. */
    public Grade.Grader currentGrader() {
        return judge == null ? offlineGrader() : new Grade.Grader("llm", judge.model(), "LLM judge (" + judge.model() + ")");
    }

    public static Grade.Grader offlineGrader() {
        return new Grade.Grader("offline", null, "Offline estimate (key-point word coverage)");
    }

    /** The user's own assessment of an answer against the reference, key point by key point. */
    public static Grade.Grader selfGrader() {
        return new Grade.Grader("self", null, "Self-assessment");
    }

    static Grade.Grader offlineConceptGrader() {
        return new Grade.Grader("offline", null, "Offline estimate (word overlap with the reference answer)");
    }

    /**
     * The result of one small call to the configured endpoint, for "test the LLM connection" on the Settings page.
     *
     * @param reply the endpoint's answer (at most 500 characters), or what went wrong
     */
    public record ConnectionCheck(boolean configured, boolean ok, String model, String reply, long millis) {
    }

    /** Asks the judge endpoint for a one-word JSON reply, with a 30 s limit; never throws. */
    public ConnectionCheck checkConnection() {
        LlmJudge j = judge;
        if (j == null) {
            return new ConnectionCheck(false, false, null, "No endpoint configured (drillbook.llm.base-url): drills get the offline estimate.", 0);
        }
        com.fasterxml.jackson.databind.node.ObjectNode schema = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        schema.put("type", "object").put("additionalProperties", false).putArray("required").add("reply");
        schema.putObject("properties").putObject("reply").put("type", "string");
        long started = System.nanoTime();
        try {
            String reply = j.client().complete(List.of(new JudgeClient.Message("system", "You check a connection."),
                    new JudgeClient.Message("user", "Reply with the JSON object {\"reply\": \"ok\"}.")),
                    new JudgeClient.Schema("connection_check", schema), Duration.ofSeconds(30));
            return new ConnectionCheck(true, true, j.model(), cut(reply), (System.nanoTime() - started) / 1_000_000);
        } catch (JudgeClient.JudgeCallException e) {
            return new ConnectionCheck(true, false, j.model(), cut(e.getMessage()), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    public boolean judgeConfigured() {
        return judge != null;
    }

    Optional<LlmJudge> judge() {
        return Optional.ofNullable(judge);
    }

    // ---- drafts

    public Optional<DraftEntity> draft(String drillId) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(DraftEntity.<DraftEntity>findById(drillId)));
    }

    /** Saves the answer being written; the first save starts the drill's clock. */
    public DraftEntity saveDraft(String drillId, String answer) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> {
            DraftEntity d = DraftEntity.findById(drillId);
            if (d == null) {
                d = new DraftEntity();
                d.drillId = drillId;
                d.startedAt = now;
                d.answer = answer;
                d.updatedAt = now;
                d.persist();
            } else {
                d.answer = answer;
                d.updatedAt = now;
            }
            return d;
        });
    }

    public void discardDraft(String drillId) {
        QuarkusTransaction.requiringNew().run(() -> DraftEntity.deleteById(drillId));
    }

    // ---- attempts

    /**
     * Stores the answer as a pending attempt (consuming the drill's draft, whose first save started the clock) and
     * queues it for grading. Returns the attempt id.
     *
     * @param timeUsedSeconds the client's own measure, used when there was no draft
     */
    public long submitDrill(Drill drill, String answer, Integer timeUsedSeconds) {
        Instant now = now();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            DraftEntity draft = DraftEntity.findById(drill.id());
            AttemptEntity a = new AttemptEntity();
            a.kind = "drill";
            a.drillId = drill.id();
            a.answer = answer;
            a.status = AttemptEntity.PENDING;
            a.submittedAt = now;
            a.startedAt = draft != null ? draft.startedAt : timeUsedSeconds == null ? null : now.minusSeconds(timeUsedSeconds);
            a.timeUsedSeconds = a.startedAt == null ? null : (int) Duration.between(a.startedAt, now).toSeconds();
            a.timeLimitSeconds = drill.timeLimitMinutes() * 60;
            a.persist();
            if (draft != null) {
                draft.delete();
            }
            return a.id;
        });
        enqueue(id);
        return id;
    }

    public Optional<AttemptEntity> attempt(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(AttemptEntity.<AttemptEntity>findById(id)));
    }

    /** Attempts at one drill, oldest first. */
    public List<AttemptEntity> attempts(String drillId) {
        return QuarkusTransaction.joiningExisting().call(() -> AttemptEntity.<AttemptEntity>list(
                "kind = 'drill' and drillId = ?1 order by submittedAt, id", drillId));
    }

    /** All drill attempts, newest first, at most {@code limit}. */
    public List<AttemptEntity> recentAttempts(int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> AttemptEntity.<AttemptEntity>find(
                "kind = 'drill' order by submittedAt desc, id desc").page(0, limit).list());
    }

    /** Grades the attempt again with the current grader; returns false when it is still being graded. */
    public boolean regrade(long id) {
        boolean queued = QuarkusTransaction.requiringNew().call(() -> {
            AttemptEntity a = AttemptEntity.findById(id);
            if (a == null || AttemptEntity.PENDING.equals(a.status)) {
                return false;
            }
            a.status = AttemptEntity.PENDING;
            a.error = null;
            return true;
        });
        if (queued) {
            enqueue(id);
        }
        return queued;
    }

    /**
     * Records the user's own assessment of a drill attempt graded offline (or re-assessed): it becomes the attempt's grade.
     * Empty when there is no such drill attempt; {@link IllegalStateException} when the attempt is not waiting for one.
     */
    public Optional<Grade> selfAssess(long id, java.util.Map<String, String> marks) throws SelfAssessment.InvalidMarks {
        AttemptEntity a = attempt(id).filter(x -> "drill".equals(x.kind)).orElse(null);
        if (a == null) {
            return Optional.empty();
        }
        if (!AttemptEntity.ASSESS.equals(a.status) && !(AttemptEntity.GRADED.equals(a.status) && "self".equals(a.graderKind))) {
            throw new IllegalStateException(AttemptEntity.PENDING.equals(a.status) ? "The attempt is still being graded."
                    : "The attempt was graded by " + (a.graderKind == null ? "nobody" : "the LLM judge") + "; only offline attempts are self-assessed.");
        }
        Drill drill = drills.drill(a.drillId).orElseThrow(() -> new IllegalStateException("The drill " + a.drillId + " is no longer in questions/."));
        Grade g = SelfAssessment.grade(drill, gradeOf(a), marks);
        String result;
        try {
            result = json.writeValueAsString(g);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptEntity e = AttemptEntity.findById(id);
            e.status = AttemptEntity.GRADED;
            e.result = result;
            e.score = g.score() == null ? null : g.score().doubleValue();
            e.graderKind = g.grader().kind();
            e.graderModel = null;
            e.gradedAt = now();
        });
        return Optional.of(g);
    }

    /**
     * Grades a free-text answer to a concept question now (on the caller's thread), after storing it. With a judge, a
     * credited score needs a real quote; without one, the offline estimate is used and labelled.
     */
    public ConceptGrade gradeConcept(String question, String reference, String answer, String cardId) {
        long id = storeConcept(question, reference, answer, cardId);
        return gradeConceptNow(id);
    }

    /** Stores a concept answer and grades it in the background (mock interviews); returns the attempt id. */
    public long submitConcept(String question, String reference, String answer, String cardId) {
        long id = storeConcept(question, reference, answer, cardId);
        enqueue(id);
        return id;
    }

    /**
     * Stores a drill or behavioural answer given outside the drill screen (a mock interview: no draft) and queues it.
     */
    public long submitAnswer(Drill drill, String answer, Integer timeUsedSeconds, Integer timeLimitSeconds) {
        Instant now = now();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            AttemptEntity a = new AttemptEntity();
            a.kind = "drill";
            a.drillId = drill.id();
            a.answer = answer;
            a.status = AttemptEntity.PENDING;
            a.submittedAt = now;
            a.timeUsedSeconds = timeUsedSeconds;
            a.startedAt = timeUsedSeconds == null ? null : now.minusSeconds(timeUsedSeconds);
            a.timeLimitSeconds = timeLimitSeconds != null ? timeLimitSeconds : drill.timeLimitMinutes() * 60;
            a.persist();
            return a.id;
        });
        enqueue(id);
        return id;
    }

    /**
     * A follow-up question on the weakest rubric dimension of an answer, asked by the judge; empty without a judge or
     * when the judge fails (the interview then simply moves on).
     */
    public Optional<String> followUp(Drill drill, String answer, Integer timeUsedSeconds) {
        LlmJudge j = judge;
        if (j == null || answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        try {
            Verdict v = j.gradeDrill(drill, answer, timeUsedSeconds == null ? null : Duration.ofSeconds(timeUsedSeconds),
                    InHouseSet.examplesFor(drill.id(), answer, EXAMPLES), now().toEpochMilli());
            Grade g = VerdictScorer.score(drill, v, answer, currentGrader());
            Grade.DimensionGrade weakest = g.dimensions().stream()
                    .min(java.util.Comparator.comparingInt(Grade.DimensionGrade::level)
                            .thenComparing(java.util.Comparator.comparingDouble(Grade.DimensionGrade::weight).reversed()))
                    .orElse(null);
            if (weakest != null) {
                for (Verdict.Improvement i : g.improvements()) {
                    if (weakest.id().equals(i.dimension()) && !i.issue().isBlank()) {
                        return Optional.of("On " + weakest.title().toLowerCase(java.util.Locale.ROOT) + ": " + i.issue().strip()
                                + " How would you handle that?");
                    }
                }
            }
            return g.followUps().stream().findFirst()
                    .map(q -> weakest == null ? q : "On " + weakest.title().toLowerCase(java.util.Locale.ROOT) + ": " + q);
        } catch (LlmJudge.GradingFailed e) {
            LOG.infof("No follow-up question for %s: %s", drill.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private long storeConcept(String question, String reference, String answer, String cardId) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> {
            AttemptEntity a = new AttemptEntity();
            a.kind = "concept";
            a.cardId = cardId;
            a.question = question;
            a.reference = reference;
            a.answer = answer;
            a.status = AttemptEntity.PENDING;
            a.submittedAt = now;
            a.persist();
            return a.id;
        });
    }

    private ConceptGrade gradeConceptNow(long id) {
        AttemptEntity stored = QuarkusTransaction.requiringNew().call(() -> AttemptEntity.<AttemptEntity>findById(id));
        if (stored == null) {
            return null;
        }
        String question = stored.question;
        String reference = stored.reference;
        String answer = stored.answer;
        ConceptGrade grade;
        LlmJudge j = judge;
        if (j == null) {
            OfflineEstimator.ConceptEstimate e = OfflineEstimator.concept(question, reference, answer);
            boolean withheld = e.flags().contains("prompt_injection");
            grade = new ConceptGrade(id, withheld ? null : e.score(), offlineConceptGrader(), withheld ? null : ConceptGrade.ratingFor(e.score(), true),
                    OfflineEstimator.conceptCritique(e),
                    List.of(), List.of(), List.of(), e.flags(), "low",
                    List.of(String.format(java.util.Locale.ROOT,
                            "Offline estimate: agrees with a human grader at Pearson %.2f on the Mohler set, where two human graders "
                                    + "agree at %.2f (questions it was not fitted on).",
                            OfflineEstimator.CONCEPT_PEARSON, OfflineEstimator.MOHLER_HUMAN_PEARSON)), null);
        } else {
            try {
                VerdictFormat.ConceptVerdict v = j.gradeConcept(question, reference, answer);
                grade = conceptGrade(id, v, answer, currentGrader());
            } catch (LlmJudge.GradingFailed e) {
                grade = new ConceptGrade(id, null, currentGrader(), null, null, List.of(), List.of(), List.of(), List.of(), null,
                        List.of(), e.getMessage());
            }
        }
        ConceptGrade done = grade;
        String result;
        try {
            result = json.writeValueAsString(done);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptEntity a = AttemptEntity.findById(id);
            a.status = done.error() == null ? AttemptEntity.GRADED : AttemptEntity.FAILED;
            a.error = done.error();
            a.score = done.score();
            a.result = result;
            a.graderKind = done.grader().kind();
            a.graderModel = done.grader().model();
            a.gradedAt = now();
        });
        return done;
    }

    /**
     * A judge's concept verdict as a grade: only quotes that are evidence count ({@link Quotes#check}); a quote that is not
     * in the answer voids the verdict (no score, flagged {@code invented_quote}); with no evidence the score is capped at
     * 2; an injection attempt (the judge's flag or Drillbook's own check) gets no score.
     */
    static ConceptGrade conceptGrade(long id, VerdictFormat.ConceptVerdict v, String answer, Grade.Grader grader) {
        List<String> quotes = new java.util.ArrayList<>();
        List<String> notes = new java.util.ArrayList<>();
        List<String> flags = new java.util.ArrayList<>(v.flags());
        int invented = 0;
        int tooShort = 0;
        for (String q : v.quotes()) {
            switch (Quotes.check(q, answer)) {
                case EVIDENCE -> quotes.add(q);
                case TOO_SHORT -> tooShort++;
                case INVENTED -> invented++;
            }
        }
        Integer score = v.score();
        String confidence = v.confidence();
        if (tooShort > 0) {
            notes.add(tooShort + " quoted fragment(s) too short to show anything were ignored.");
        }
        if (invented > 0) {
            flags.add(VerdictScorer.INVENTED);
            confidence = "low";
            score = null;
            notes.add("The judge quoted words that are not in the answer, so its grade is void: grade it again or judge it yourself.");
        } else if (score >= 3 && quotes.isEmpty()) {
            score = 2;
            notes.add("Capped at 2: the judge quoted no words from the answer to support more.");
        }
        if (InjectionCheck.attempted(answer) && !flags.contains("prompt_injection")) {
            flags.add("prompt_injection");
        }
        if (flags.contains("prompt_injection")) {
            score = null;
            notes.add("The answer tries to instruct the grader, so no score is given.");
        }
        if ("low".equals(confidence)) {
            notes.add("The judge was not confident: review suggested.");
        }
        return new ConceptGrade(id, score == null ? null : score.doubleValue(), grader, score == null ? null : ConceptGrade.ratingFor(score, false),
                v.critique(), quotes, v.missingPoints(), v.factualErrors(), flags, confidence, notes, null);
    }

    /** The stored grade of a concept attempt. */
    public ConceptGrade conceptGradeOf(AttemptEntity a) {
        return stored(a, ConceptGrade.class);
    }

    /** The stored grade of a drill attempt. */
    public Grade gradeOf(AttemptEntity a) {
        return stored(a, Grade.class);
    }

    /** An attempt's grade as stored (JSON); null when there is none or it cannot be read (logged). */
    private <T> T stored(AttemptEntity a, Class<T> type) {
        if (a.result == null) {
            return null;
        }
        try {
            return json.readValue(a.result, type);
        } catch (JsonProcessingException e) {
            LOG.warnf("Attempt %d has an unreadable stored grade: %s", a.id, e.getOriginalMessage());
            return null;
        }
    }

    private void enqueue(long id) {
        pool.submit(() -> {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> {
                    AttemptEntity a = AttemptEntity.findById(id);
                    return a != null && "concept".equals(a.kind);
                })) {
                    gradeConceptNow(id);
                    return;
                }
                gradeNow(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Grading attempt %d failed unexpectedly", id);
                finish(id, null, "Grading failed unexpectedly: " + e.getClass().getSimpleName() + ". Try regrading.");
            }
        });
    }

    private void gradeNow(long id) {
        AttemptEntity a = QuarkusTransaction.requiringNew().call(() -> AttemptEntity.<AttemptEntity>findById(id));
        if (a == null || !AttemptEntity.PENDING.equals(a.status)) {
            return;
        }
        Optional<Drill> drill = drills.drill(a.drillId);
        if (drill.isEmpty()) {
            finish(id, null, "The drill " + a.drillId + " is no longer in questions/ (or is broken: see the problems page).");
            return;
        }
        LlmJudge j = judge;
        if (j == null) {
            finish(id, OfflineEstimator.drill(drill.get(), a.answer, offlineGrader()), null);
            return;
        }
        // the judge's verdict replaces any self-assessment made before a judge was configured
        try {
            Duration used = a.timeUsedSeconds == null ? null : Duration.ofSeconds(a.timeUsedSeconds);
            Verdict v = j.gradeDrill(drill.get(), a.answer, used, InHouseSet.examplesFor(a.drillId, a.answer, EXAMPLES),
                    id * 31 + clock.millis());
            finish(id, VerdictScorer.score(drill.get(), v, a.answer, currentGrader()), null);
        } catch (LlmJudge.GradingFailed e) {
            finish(id, null, e.getMessage());
        }
    }

    private void finish(long id, Grade grade, String error) {
        String result;
        try {
            result = grade == null ? null : json.writeValueAsString(grade);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AttemptEntity a = AttemptEntity.findById(id);
            if (a == null) {
                return;
            }
            a.gradedAt = now();
            if (grade == null) {
                a.status = AttemptEntity.FAILED;
                a.error = error;
                a.score = null;
                a.result = null;
            } else {
                // an offline estimate is only a suggestion: the attempt waits for the user's own assessment
                boolean offline = "offline".equals(grade.grader().kind());
                a.status = offline ? AttemptEntity.ASSESS : AttemptEntity.GRADED;
                a.error = null;
                a.result = result;
                a.score = offline || grade.score() == null ? null : grade.score().doubleValue();
                a.graderKind = grade.grader().kind();
                a.graderModel = grade.grader().model();
            }
        });
    }
}
