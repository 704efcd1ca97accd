package dev.drillbook.web;

import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.plan.InterviewPlanner;
import dev.drillbook.plan.PlanService;
import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.WorkloadSimulation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The workload simulator ("help me decide") and the interview countdown plan. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SchedulingPages {

    @Inject
    SchedulingApi api;

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

    /** A bar, point or label of a server-drawn chart (SVG user units). */
    record Mark(double x, double y, double w, double h, String label, String text, boolean highlight) {
    }

    record Row(String retention, String perDay, String minutes, String retained, String secondsPerCard, boolean optimal, boolean current) {
    }

    record SimulatePage(String scope, String deck, int days, List<String> decks, int cards, int newCards, boolean ownRatings,
            String optimal, String current, List<Mark> bars, String line, List<Mark> points, Mark optimalMark,
            List<Mark> xLabels, String maxPerDay, List<Row> rows) {
    }

    record TopicRow(String name, String studyUrl, int percent, String level, String detail) {
    }

    record DayRow(String date, String weekday, int reviews, List<String> focus, String drillTitle, String drillUrl, boolean mock, boolean today) {
    }

    record PlanPage(boolean set, String date, long daysLeft, String topics, int cardsInScope, int newCards, String projected,
            String idle, int unseen, List<TopicRow> mastery, List<DayRow> days) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance simulate(SimulatePage page);

        static native TemplateInstance plan(PlanPage page);
    }

    static final double W = 640;
    static final double H = 220;
    static final double LEFT = 40;
    static final double RIGHT = 40;
    static final double TOP = 14;

    @GET
    @Path("review/simulate")
    @Operation(hidden = true)
    public TemplateInstance simulate(@QueryParam("deck") String deck, @QueryParam("days") @DefaultValue("365") int days) {
        gate.awaitForApi();
        catalog.awaitLoaded(Duration.ofSeconds(10));
        int span = Math.max(30, Math.min(3650, days));
        String scope = api.scope(deck);
        SchedulingApi.SweepJson s = SchedulingApi.sweepJson(scope, simulation.simulate(scope, span, Instant.now()));
        List<SchedulingApi.OutcomeJson> outcomes = s.outcomes();
        double maxPerDay = Math.max(1, outcomes.stream().mapToDouble(SchedulingApi.OutcomeJson::answersPerDay).max().orElse(1));
        double plotW = W - LEFT - RIGHT;
        double slot = plotW / outcomes.size();
        List<Mark> bars = new ArrayList<>();
        List<Mark> points = new ArrayList<>();
        List<Mark> labels = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Mark optimal = null;
        double nearest = outcomes.stream().mapToDouble(SchedulingApi.OutcomeJson::desiredRetention)
                .reduce(Double.NaN, (a, b) -> Double.isNaN(a) || Math.abs(b - s.currentRetention()) < Math.abs(a - s.currentRetention()) ? b : a);
        for (int i = 0; i < outcomes.size(); i++) {
            SchedulingApi.OutcomeJson o = outcomes.get(i);
            double cx = LEFT + slot * i + slot / 2;
            double h = (H - TOP) * o.answersPerDay() / maxPerDay;
            boolean isOptimal = o.desiredRetention() == s.optimalRetention();
            boolean isCurrent = o.desiredRetention() == nearest;
            String r = pct(o.desiredRetention());
            bars.add(new Mark(cx - slot * 0.3, H - h, slot * 0.6, h, r + " desired: " + one(o.answersPerDay()) + " answers a day", null, isOptimal));
            double y = TOP + (H - TOP) * (1 - (o.retentionAtEnd() - 0.6) / 0.4);
            y = Math.max(TOP, Math.min(H, y));
            points.add(new Mark(cx, y, 0, 0, r + " desired: " + pct(o.retentionAtEnd()) + " retained at the end", null, isOptimal));
            line.append(i == 0 ? "M" : " L").append(fmt(cx)).append(' ').append(fmt(y));
            labels.add(new Mark(cx, H + 14, 0, 0, null, r, isOptimal));
            if (isOptimal) {
                optimal = new Mark(cx, TOP, 0, H - TOP, null, "optimal " + r, true);
            }
            rows.add(new Row(r, one(o.answersPerDay()), one(o.minutesPerDay()), pct(o.retentionAtEnd()), String.format(Locale.ROOT, "%.0f", o.secondsPerMemorized()),
                    isOptimal, isCurrent));
        }
        return Templates.simulate(new SimulatePage(scope == null ? "all cards" : "deck " + scope, scope == null ? "" : scope, span,
                reviews.deckNames().stream().sorted().toList(), s.cards(), s.newCards(), s.ownRatings(), pct(s.optimalRetention()),
                pct(s.currentRetention()), bars, line.toString(), points, optimal, labels, one(maxPerDay), rows));
    }

    @GET
    @Path("plan")
    @Operation(hidden = true)
    public TemplateInstance plan() {
        gate.awaitForApi();
        catalog.awaitLoaded(Duration.ofSeconds(10));
        Instant now = Instant.now();
        Optional<PlanService.View> view = plans.current(now);
        if (view.isEmpty()) {
            return Templates.plan(new PlanPage(false, null, 0, null, 0, 0, null, null, 0, List.of(), List.of()));
        }
        PlanService.View v = view.get();
        InterviewPlanner.Plan p = v.plan();
        List<TopicRow> mastery = new ArrayList<>();
        for (InterviewPlanner.Topic t : p.topics()) {
            StringBuilder detail = new StringBuilder(t.cardCount() + " cards at " + pct(t.cards()));
            if (t.drills() != null) {
                detail.append(" · drills ").append(pct(t.drills()));
            }
            if (t.interviews() != null) {
                detail.append(" · interviews ").append(pct(t.interviews()));
            }
            boolean deck = reviews.deckNames().stream().anyMatch(n -> n.equals(t.name()) || n.startsWith(t.name() + "/"));
            mastery.add(new TopicRow(t.name(), "/review/study?" + (deck ? "deck=" : "tag=") + SiteUrls.encodePath(t.name()), (int) Math.round(t.mastery() * 100), t.mastery() >= 0.85 ? "strong" : t.mastery() >= 0.6 ? "fair" : "weak",
                    detail.toString()));
        }
        List<DayRow> days = new ArrayList<>();
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        for (InterviewPlanner.Day d : p.days()) {
            days.add(new DayRow(d.date().format(fmt), d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                    d.reviews(), d.focus(), d.drill() == null ? null : d.drill().title(),
                    d.drill() == null ? null : "/drills/" + SiteUrls.encodePath(d.drill().id()), d.mockInterview(), days.isEmpty()));
        }
        return Templates.plan(new PlanPage(true, p.goal().date().format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)),
                p.daysLeft(), p.goal().topics().isEmpty() ? "all cards" : String.join(", ", p.goal().topics()), v.cardsInScope(), p.newCards(),
                v.projectedRetention() == null ? "—" : pct(v.projectedRetention()), v.idleRetention() == null ? "—" : pct(v.idleRetention()),
                v.unseenOnTheDay(), mastery, days));
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
