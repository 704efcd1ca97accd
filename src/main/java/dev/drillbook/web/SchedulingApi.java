package dev.drillbook.web;

import dev.drillbook.plan.InterviewPlanner;
import dev.drillbook.plan.PlanService;
import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.review.EasyDays;
import dev.drillbook.review.InterviewGoal;
import dev.drillbook.review.ParameterOptimization;
import dev.drillbook.review.ParameterSetEntity;
import dev.drillbook.review.ParameterSets;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.Scheduling;
import dev.drillbook.review.SchedulingPolicy;
import dev.drillbook.review.WorkloadSimulation;
import dev.drillbook.review.optimizer.Evaluation;
import dev.drillbook.review.optimizer.FsrsOptimizer;
import dev.drillbook.review.simulator.Simulator;
import dev.drillbook.settings.Settings;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scheduling settings, the FSRS optimiser, the workload simulator and the interview plan as JSON. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scheduling", description = "Desired retention, FSRS parameters (optimise, evaluate), load balancing, easy days, interview plan")
public class SchedulingApi {

    @Inject
    Scheduling scheduling;

    @Inject
    Settings settings;

    @Inject
    ParameterSets parameterSets;

    @Inject
    ParameterOptimization optimization;

    @Inject
    WorkloadSimulation simulation;

    @Inject
    PlanService plans;

    @Inject
    ReviewService reviews;

    @Inject
    CardCatalog catalog;

    @Inject
    VaultGate gate;

    public record PresetJson(String deck, String parametersId, String source, Integer reviews, Double logLoss, Double rmseBins,
            double[] weights) {
    }

    public record InterviewJson(LocalDate date, List<String> topics, double retention) {
    }

    public record SchedulingJson(double desiredRetention, double configuredRetention, boolean loadBalancing, List<String> easyDays,
            InterviewJson interview, List<PresetJson> presets, Integer broughtForward) {
    }

    @GET
    @Path("settings/scheduling")
    @Operation(summary = "Scheduling settings", description = "What the Settings page's Scheduling section shows: desired "
            + "retention, load balancing, easy days (Monday first), the interview being prepared for, and the weight presets.")
    public SchedulingJson schedulingSettings() {
        return schedulingJson(null);
    }

    SchedulingJson schedulingJson(Integer broughtForward) {
        SchedulingPolicy p = scheduling.policy();
        List<String> easy = new ArrayList<>();
        for (EasyDays.Level l : p.easyDays().levels()) {
            easy.add(l.key());
        }
        InterviewJson interview = p.interview().map(g -> new InterviewJson(g.date(), g.topics(), g.retention())).orElse(null);
        return new SchedulingJson(p.base().desiredRetention(), scheduling.configured().desiredRetention(), p.loadBalancing(), easy,
                interview, presets(p), broughtForward);
    }

    List<PresetJson> presets(SchedulingPolicy p) {
        List<PresetJson> out = new ArrayList<>();
        out.add(preset(null, p.globalPreset()));
        p.deckPresets().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(preset(e.getKey(), e.getValue())));
        return out;
    }

    private PresetJson preset(String deck, SchedulingPolicy.Preset preset) {
        Optional<ParameterSetEntity> row = parameterSets.find(preset.parametersId());
        return new PresetJson(deck, preset.parametersId(), row.map(r -> r.source).orElse(null), row.map(r -> r.reviews).orElse(null),
                row.map(r -> r.logLossAfter).orElse(null), row.map(r -> r.rmseAfter).orElse(null), preset.weights());
    }

    /**
     * A change to the scheduling settings; absent fields stay as they are. {@code interview}: an object to set, JSON
     * null to clear. {@code desiredRetention} null (or "default") goes back to the configured value.
     */
    @PUT
    @Path("settings/scheduling")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change scheduling settings", description = "Fields: desiredRetention (0.7–0.99, null = configured), "
            + "loadBalancing (boolean), easyDays (7 of normal|reduced|minimum, Monday first), interview ({date, topics, retention} "
            + "or null to clear). Setting an interview brings the cards in scope that are due after its day forward onto the "
            + "days before it (broughtForward says how many).")
    public SchedulingJson saveScheduling(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("Send a JSON object, e.g. {\"desiredRetention\": 0.9}.");
        }
        Instant now = Instant.now();
        Settings.Edit edit = settings.edit(now);
        try {
            if (body.has("desiredRetention")) {
                JsonNode r = body.get("desiredRetention");
                if (r.isNull() || "default".equals(r.asText())) {
                    edit.clear(Scheduling.DESIRED_RETENTION);
                } else if (!r.isNumber() || !(r.asDouble() >= 0.7 && r.asDouble() <= 0.99)) {
                    throw ApiException.badRequest("Desired retention must be a number between 0.7 and 0.99, got " + r + ".");
                } else {
                    edit.set(Scheduling.DESIRED_RETENTION, r.asDouble());
                }
            }
            if (body.has("loadBalancing")) {
                if (!body.get("loadBalancing").isBoolean()) {
                    throw ApiException.badRequest("loadBalancing must be true or false.");
                }
                edit.set(Scheduling.LOAD_BALANCING, body.get("loadBalancing").asBoolean());
            }
            if (body.has("easyDays")) {
                JsonNode days = body.get("easyDays");
                if (!days.isArray()) {
                    throw ApiException.badRequest("easyDays must be a list of 7 levels (normal, reduced, minimum), Monday first.");
                }
                List<String> levels = new ArrayList<>();
                days.forEach(d -> levels.add(d.asText()));
                edit.set(Scheduling.EASY_DAYS, EasyDays.parse(String.join(",", levels)));
            }
            boolean interviewChanged = false;
            if (body.has("interview")) {
                JsonNode i = body.get("interview");
                interviewChanged = true;
                if (i.isNull()) {
                    edit.clear(Scheduling.INTERVIEW_DATE).clear(Scheduling.INTERVIEW_TOPICS).clear(Scheduling.INTERVIEW_RETENTION);
                } else {
                    InterviewGoal goal = interviewOf(i);
                    if (!goal.activeOn(reviews.studyDay().dateOf(now))) {
                        throw ApiException.badRequest("The interview date must be after today.");
                    }
                    edit.set(Scheduling.INTERVIEW_DATE, goal.date()).set(Scheduling.INTERVIEW_TOPICS, goal.topics());
                    if (i.has("retention") && !i.get("retention").isNull()) {
                        edit.set(Scheduling.INTERVIEW_RETENTION, goal.retention());
                    } else {
                        edit.clear(Scheduling.INTERVIEW_RETENTION);
                    }
                }
            }
            edit.commit();
            Integer moved = null;
            if (interviewChanged && !body.get("interview").isNull()) {
                ready();
                moved = plans.apply(now);
            }
            return schedulingJson(moved);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private InterviewGoal interviewOf(JsonNode i) {
        if (!i.isObject() || !i.hasNonNull("date")) {
            throw ApiException.badRequest("interview needs a date, e.g. {\"date\": \"2026-03-20\", \"topics\": [\"rag\"]}.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(i.get("date").asText().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("The interview date must be a date like 2025-06-30, got \"" + i.get("date").asText() + "\".");
        }
        List<String> topics = new ArrayList<>();
        JsonNode t = i.get("topics");
        if (t != null && t.isArray()) {
            t.forEach(x -> topics.addAll(InterviewGoal.parseTopics(x.asText())));
        } else if (t != null && t.isTextual()) {
            topics.addAll(InterviewGoal.parseTopics(t.asText()));
        }
        JsonNode r = i.get("retention");
        if (r != null && !r.isNull() && (!r.isNumber() || !(r.asDouble() >= 0.7 && r.asDouble() <= 0.99))) {
            throw ApiException.badRequest("The interview's retention must be a number between 0.7 and 0.99, got " + r + ".");
        }
        double retention = r != null && !r.isNull() ? r.asDouble() : scheduling.policy().interview().map(InterviewGoal::retention)
                .orElse(scheduling.configuredInterviewRetention());
        return new InterviewGoal(date, topics, retention);
    }

    // ---------------------------------------------------------------- optimiser

    public record EvaluationJson(String deck, String parametersId, int reviews, Double logLoss, Double rmseBins) {
        static EvaluationJson of(String deck, String id, Evaluation e) {
            return new EvaluationJson(deck, id, e.reviews(), finite(e.logLoss()), finite(e.rmseBins()));
        }
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public record JobJson(String id, String deck, String status, double progress, EvaluationJson current, EvaluationJson defaults,
            EvaluationJson optimised, boolean optimisedEnough, boolean improves, boolean accepted, double[] weights, String error,
            int minimumReviews) {
    }

    @GET
    @Path("fsrs/evaluate")
    @Operation(summary = "Evaluate the FSRS weights in force", description = "Log loss and RMSE(bins) of the weights in force for "
            + "all cards (or one deck and its sub-decks) over their own review log, as Anki's \"Evaluate\".")
    public EvaluationJson evaluate(@QueryParam("deck") String deck) {
        ready();
        String scope = scope(deck);
        SchedulingPolicy p = scheduling.policy();
        return EvaluationJson.of(scope, (scope == null ? p.globalPreset() : p.presetFor(scope)).parametersId(), optimization.evaluate(scope));
    }

    public record OptimizeRequest(String deck) {
    }

    @POST
    @Path("fsrs/optimize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Optimise FSRS weights on your review log", description = "Starts fitting the 21 weights to the answers "
            + "of all cards (or {\"deck\": …}); answers 202 with a job to poll. The weights take effect only when accepted.")
    public Response optimize(OptimizeRequest request) {
        ready();
        String scope = scope(request == null ? null : request.deck());
        ParameterOptimization.Job job = optimization.start(scope, Instant.now());
        return Response.status(202).entity(json(job)).build();
    }

    @GET
    @Path("fsrs/optimize/{id}")
    @Operation(summary = "An optimisation's progress and result")
    public JobJson job(@PathParam("id") String id) {
        return json(optimization.job(id).orElseThrow(() -> ApiException.notFound("No optimisation " + id + ".")));
    }

    @POST
    @Path("fsrs/optimize/{id}/accept")
    @Operation(summary = "Put an optimisation's weights in force", description = "For the job's scope (all cards, or its deck and "
            + "sub-decks). Answers from now on record the new weight set's id.")
    public SchedulingJson accept(@PathParam("id") String id) {
        CardsApi.call(() -> optimization.accept(id, Instant.now()));
        return schedulingJson(null);
    }

    @POST
    @Path("fsrs/presets/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Drop a weight preset", description = "{\"deck\": …} or {} for the global one: those cards go back to the "
            + "global (or configured) weights.")
    public SchedulingJson resetPreset(OptimizeRequest request) {
        optimization.reset(request == null || request.deck() == null || request.deck().isBlank() ? null : request.deck().strip(),
                Instant.now());
        return schedulingJson(null);
    }

    JobJson json(ParameterOptimization.Job job) {
        Optional<FsrsOptimizer.Result> r = job.result();
        return new JobJson(job.id, job.scope, job.status(), job.progress(), EvaluationJson.of(job.scope, null, job.current),
                r.map(x -> EvaluationJson.of(job.scope, null, x.before())).orElse(null),
                r.map(x -> EvaluationJson.of(job.scope, null, x.after())).orElse(null), r.map(FsrsOptimizer.Result::optimised).orElse(false),
                job.improves(), job.accepted(), r.map(FsrsOptimizer.Result::weights).orElse(null), job.error().orElse(null),
                FsrsOptimizer.Settings.DEFAULTS.minimumReviews());
    }

    /** A deck that has cards (its sub-decks included), or null for all cards; an unknown deck is a 400. */
    String scope(String deck) {
        if (deck == null || deck.isBlank()) {
            return null;
        }
        String d = deck.strip();
        if (reviews.deckNames().stream().noneMatch(n -> n.equals(d) || n.startsWith(d + "/"))) {
            throw ApiException.badRequest("No deck \"" + d + "\" has cards.");
        }
        return d;
    }

    // ---------------------------------------------------------------- simulator

    public record OutcomeJson(double desiredRetention, double answersPerDay, double minutesPerDay, double retentionAtEnd,
            double memorizedAtEnd, double secondsPerMemorized, double trueRetention, int[] answers) {
    }

    public record SweepJson(String deck, int days, int cards, int newCards, boolean ownRatings, double currentRetention,
            double optimalRetention, List<OutcomeJson> outcomes) {
    }

    @GET
    @Path("fsrs/simulate")
    @Operation(summary = "Simulate workload against desired retention", description = "Your cards (all, or one deck) simulated "
            + "for `days` (30–3650, default 365) at desired retentions 0.70–0.97: answers per day, time, expected retention at the "
            + "end, and the workload-optimal retention (least time per card remembered). Deterministic.")
    public SweepJson simulate(@QueryParam("deck") String deck, @QueryParam("days") @DefaultValue("365") int days) {
        ready();
        if (days < 30 || days > 3650) {
            throw ApiException.badRequest("days must be 30–3650.");
        }
        String scope = scope(deck);
        return sweepJson(scope, simulation.simulate(scope, days, Instant.now()));
    }

    static SweepJson sweepJson(String deck, WorkloadSimulation.Result r) {
        List<OutcomeJson> out = new ArrayList<>();
        for (Simulator.Outcome o : r.sweep().outcomes()) {
            out.add(new OutcomeJson(o.desiredRetention(), o.answersPerDay(), o.seconds() / 60 / r.days(), nz(o.retentionAtEnd()),
                    o.memorizedAtEnd(), Double.isFinite(o.secondsPerMemorized()) ? o.secondsPerMemorized() : 0, nz(o.trueRetention()), o.answers()));
        }
        return new SweepJson(deck, r.days(), r.cards(), r.newCards(), r.ownShares(), r.currentRetention(), r.sweep().optimalRetention(), out);
    }

    private static double nz(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    // ---------------------------------------------------------------- plan

    public record PlanDayJson(LocalDate date, int reviews, List<String> focus, String drillId, String drillTitle, boolean mockInterview) {
    }

    public record PlanJson(LocalDate date, long daysLeft, List<String> topics, int cardsInScope, int newCards, Double projectedRetention,
            Double idleRetention, int unseenOnTheDay, List<InterviewPlanner.Topic> mastery, List<PlanDayJson> days) {
    }

    @GET
    @Path("plan")
    @Operation(summary = "The interview plan", description = "The countdown to the interview set in the settings: per day the "
            + "reviews due, the topics to focus on, a drill or a mock interview; mastery per topic; projected retention on the day. "
            + "404 when no interview is set.")
    public PlanJson plan() {
        ready();
        PlanService.View v = plans.current(Instant.now()).orElseThrow(() -> ApiException.notFound(
                "No interview is set: PUT /api/settings/scheduling with {\"interview\": {\"date\": …}}."));
        return planJson(v);
    }

    static PlanJson planJson(PlanService.View v) {
        InterviewPlanner.Plan p = v.plan();
        List<PlanDayJson> days = new ArrayList<>();
        for (InterviewPlanner.Day d : p.days()) {
            days.add(new PlanDayJson(d.date(), d.reviews(), d.focus(), d.drill() == null ? null : d.drill().id(),
                    d.drill() == null ? null : d.drill().title(), d.mockInterview()));
        }
        return new PlanJson(p.goal().date(), p.daysLeft(), p.goal().topics(), v.cardsInScope(), p.newCards(), v.projectedRetention(),
                v.idleRetention(), v.unseenOnTheDay(), p.topics(), days);
    }

    private void ready() {
        gate.awaitForApi();
        catalog.awaitLoaded(java.time.Duration.ofSeconds(30));
    }
}
