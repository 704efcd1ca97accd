package dev.drillbook.web;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.grading.GradingService;
import dev.drillbook.interview.InterviewFormat;
import dev.drillbook.interview.InterviewService;
import dev.drillbook.interview.SessionEntity;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.StatsService;
import dev.drillbook.review.StudyStats;
import dev.drillbook.vault.Vault;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The home page, "Today": what to study now (cards due, drills to redo), the weakest topics, one drill and one mock
 * interview to do today, the streak and the next seven days' load. The file index lives at {@code /notes}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TodayPages {

    /** Topics listed as weakest. */
    static final int WEAKEST = 5;
    /** Days in the forecast. */
    static final int FORECAST_DAYS = 7;
    /** A graded attempt under this score puts the drill in the redo queue (as on /drills). */
    static final int REDO_BELOW = 60;

    @Inject
    VaultGate gate;

    @Inject
    Vault vault;

    @Inject
    ReviewService reviews;

    @Inject
    StatsService stats;

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    InterviewService interviews;

    @Inject
    AccessGuard access;

    record Link(String title, String url, String detail) {
    }

    record Topic(String name, String url, int percent, int cards) {
    }

    /** @param height bar height in px out of 60 */
    record Day(String label, int count, int height) {
    }

    /** @param dueNow review and learning cards due now */
    record TodayView(long dueNow, long learning, long fresh, int reviewsToday, int streak, List<Link> redo, List<Topic> weakest,
            Link drill, Link interview, List<Day> forecast, int forecastTotal, int noteCount) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(TodayView view);
    }

    @GET
    @Operation(hidden = true)
    public Response today(@Context HttpServerRequest request) {
        if (access.enabled() && !access.signedIn(request)) {
            // Today shows personal history; a visitor of the published notes gets the notes.
            return Response.seeOther(URI.create("/notes")).build();
        }
        Instant now = Instant.now();
        long due = 0;
        long learning = 0;
        long fresh = 0;
        for (ReviewService.DeckCount d : reviews.decks(now)) {
            due += d.due();
            learning += d.learning();
            fresh += d.newCards();
        }
        StudyStats s = stats.stats(CardFilter.ALL, now);
        List<Topic> weakest = s.tags().stream().filter(m -> m.cards() > 0).limit(WEAKEST)
                .map(m -> new Topic(m.name(), SiteUrls.tag(m.name()), (int) Math.round(m.mastery() * 100), m.cards())).toList();
        List<StudyStats.DayCount> week = s.forecast().stream().limit(FORECAST_DAYS).toList();
        int max = Math.max(1, week.stream().mapToInt(StudyStats.DayCount::count).max().orElse(0));
        List<Day> forecast = new java.util.ArrayList<>();
        for (int i = 0; i < week.size(); i++) {
            StudyStats.DayCount d = week.get(i);
            String label = i == 0 ? "Today" : d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
            forecast.add(new Day(label, d.count(), d.count() == 0 ? 0 : Math.max(3, d.count() * 60 / max)));
        }
        LocalDate today = reviews.studyDay().dateOf(now);
        Map<String, List<AttemptEntity>> byDrill = grading.recentAttempts(10_000).stream().collect(Collectors.groupingBy(a -> a.drillId));
        List<Drill> all = new java.util.ArrayList<>(drills.drills());
        all.addAll(drills.coding());
        List<Link> redo = all.stream().filter(d -> lastScore(byDrill.get(d.id())).map(x -> x < REDO_BELOW).orElse(false))
                .sorted(Comparator.comparing(d -> lastScore(byDrill.get(d.id())).orElse(0)))
                .map(d -> new Link(d.title(), DrillPages.url(d), "last score " + lastScore(byDrill.get(d.id())).orElse(0))).toList();
        Link drill = pickDrill(all, byDrill, today).map(d -> new Link(d.title(), DrillPages.url(d),
                d.level() + " · " + d.timeLimitMinutes() + " min")).orElse(null);
        return Response.ok(Templates.today(new TodayView(due + learning, learning, fresh, s.reviewsToday(), s.streak(), redo, weakest, drill,
                interview(today), forecast, week.stream().mapToInt(StudyStats.DayCount::count).sum(), vault.size()))).build();
    }

    private Link interview(LocalDate today) {
        Optional<SessionEntity> active = interviews.sessions().stream().filter(x -> SessionEntity.ACTIVE.equals(x.status)).findFirst();
        if (active.isPresent()) {
            return new Link("Resume: " + active.get().title, "/interviews/" + active.get().id, "in progress");
        }
        List<InterviewFormat> formats = interviews.formats();
        if (formats.isEmpty()) {
            return null;
        }
        InterviewFormat f = formats.get(Math.floorMod(today.toEpochDay(), formats.size()));
        return new Link(f.title(), "/interviews#format-" + f.id(), "mock interview");
    }

    private static Optional<Integer> lastScore(List<AttemptEntity> newestFirst) {
        return newestFirst == null ? Optional.empty()
                : newestFirst.stream().filter(a -> a.score != null).findFirst().map(a -> (int) Math.round(a.score));
    }

    /**
     * Today's drill: the weakest one to redo; else one never tried (a different one each day); else the one tried
     * longest ago. Pure, so the same day gives the same suggestion.
     */
    static Optional<Drill> pickDrill(List<Drill> drills, Map<String, List<AttemptEntity>> byDrill, LocalDate today) {
        Optional<Drill> redo = drills.stream().filter(d -> lastScore(byDrill.get(d.id())).map(x -> x < REDO_BELOW).orElse(false))
                .min(Comparator.comparing(d -> lastScore(byDrill.get(d.id())).orElse(0)));
        if (redo.isPresent()) {
            return redo;
        }
        List<Drill> untried = drills.stream().filter(d -> !byDrill.containsKey(d.id())).toList();
        if (!untried.isEmpty()) {
            return Optional.of(untried.get(Math.floorMod(today.toEpochDay(), untried.size())));
        }
        return drills.stream().min(Comparator.comparing(d -> byDrill.get(d.id()).get(0).submittedAt == null ? Instant.EPOCH
                : byDrill.get(d.id()).get(0).submittedAt));
    }
}
