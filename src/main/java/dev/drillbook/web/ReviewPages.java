package dev.drillbook.web;

import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.review.CardFilter;
import dev.drillbook.review.FsrsParameters;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.StatsService;
import dev.drillbook.review.StudyStats;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The spaced-repetition pages: decks, the review screen and statistics. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    @Inject
    ReviewService reviews;

    @Inject
    StatsService stats;

    @Inject
    CardCatalog catalog;

    @Inject
    Vault vault;

    @Inject
    VaultGate gate;

    record DeckRow(String deck, String name, int depth, long newCards, long learning, long due, long total, String studyUrl,
            String statsUrl) {
    }

    record DecksPage(List<DeckRow> decks, long newTotal, long learningTotal, long dueTotal, long cards, int newLimit, int reviewLimit,
            double retention, String steps, boolean fuzz, boolean loaded) {
    }

    record StudyPage(String title, String query, String backUrl) {
    }

    /** A bar or a cell in a server-drawn SVG chart. */
    record Cell(double x, double y, double w, double h, int level, String label, String text) {
    }

    record MasteryRow(String name, String url, String studyUrl, int percent, int cards, String level) {
    }

    record StatsPage(String scope, List<Cell> heatmap, List<Cell> months, List<Cell> forecast, int forecastMax, String retentionMonth,
            String retentionAll, long reviewsMonth, List<StudyStats.StateCount> states, long stateTotal, List<Cell> stability,
            long stabilityMax, List<MasteryRow> tags, List<MasteryRow> notes, int reviewsToday, int streak, int reviewsYear,
            List<Cell> calibration, List<CalibrationRow> calibrationRows, long calibrated, String calibrationGap) {
    }

    /** One retrievability bin of the calibration chart's table. */
    record CalibrationRow(String range, long reviews, String predicted, String actual) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decks(DecksPage page);

        static native TemplateInstance study(StudyPage page);

        static native TemplateInstance stats(StatsPage page);
    }

    @GET
    @Path("review")
    @Operation(hidden = true)
    public TemplateInstance decks() {
        gate.awaitForApi();
        boolean loaded = catalog.awaitLoaded(Duration.ofSeconds(5));
        List<ReviewService.DeckCount> counts = loaded ? reviews.decks(Instant.now()) : List.of();
        List<DeckRow> rows = new ArrayList<>();
        long n = 0;
        long l = 0;
        long d = 0;
        long total = 0;
        for (ReviewService.DeckCount c : counts) {
            String[] parts = c.deck().split("/");
            rows.add(new DeckRow(c.deck(), parts[parts.length - 1], parts.length - 1, c.newCards(), c.learning(), c.due(), c.total(),
                    "/review/study?deck=" + SiteUrls.encodePath(c.deck()), "/stats?deck=" + SiteUrls.encodePath(c.deck())));
            n += c.newCards();
            l += c.learning();
            d += c.due();
            total += c.total();
        }
        FsrsParameters p = reviews.fsrs().parameters();
        String steps = String.join(" ", p.learningSteps().stream().map(CardViews::interval).toList());
        return Templates.decks(new DecksPage(rows, n, l, d, total, cfgNew(), cfgReviews(), p.desiredRetention(), steps, p.fuzz(), loaded));
    }

    @GET
    @Path("review/study")
    @Operation(hidden = true)
    public TemplateInstance study(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder,
            @QueryParam("note") String note) {
        CardFilter filter = CardFilter.of(deck, tag, folder, note);
        StringBuilder query = new StringBuilder();
        String title = "All decks";
        if (filter.deck() != null) {
            query.append("deck=").append(SiteUrls.encodePath(filter.deck()));
            title = "Deck " + filter.deck();
        }
        if (filter.tag() != null) {
            query.append(query.isEmpty() ? "" : "&").append("tag=").append(SiteUrls.encodePath(filter.tag()));
            title = "#" + filter.tag();
        }
        if (filter.folder() != null) {
            query.append(query.isEmpty() ? "" : "&").append("folder=").append(SiteUrls.encodePath(filter.folder()));
            title = "Folder " + filter.folder();
        }
        String back = "/review";
        if (filter.note() != null) {
            query.append(query.isEmpty() ? "" : "&").append("note=").append(SiteUrls.encodePath(filter.note()));
            title = vault.note(filter.note()).map(Note::title).orElse(filter.note());
            back = SiteUrls.note(filter.note());
        }
        return Templates.study(new StudyPage(title, query.toString(), back));
    }

    @GET
    @Path("stats")
    @Operation(hidden = true)
    public TemplateInstance stats(@QueryParam("deck") String deck, @QueryParam("tag") String tag) {
        gate.awaitForApi();
        catalog.awaitLoaded(Duration.ofSeconds(10));
        CardFilter filter = CardFilter.of(deck, tag, null, null);
        StudyStats s = stats.stats(filter, Instant.now());

        List<Cell> heat = new ArrayList<>();
        List<Cell> months = new ArrayList<>();
        int max = s.heatmap().stream().mapToInt(StudyStats.DayCount::count).max().orElse(0);
        int firstDow = s.heatmap().get(0).date().getDayOfWeek().getValue() - 1;
        int reviewsYear = 0;
        for (int i = 0; i < s.heatmap().size(); i++) {
            StudyStats.DayCount day = s.heatmap().get(i);
            int index = i + firstDow;
            int week = index / 7;
            int dow = index % 7;
            int level = day.count() == 0 ? 0 : max <= 4 ? Math.min(4, day.count()) : 1 + Math.min(3, day.count() * 4 / (max + 1));
            heat.add(new Cell(week * 13, dow * 13 + 14, 11, 11, level, day.date() + ": " + day.count() + " review" + (day.count() == 1 ? "" : "s"), null));
            if (day.date().getDayOfMonth() == 1) {
                months.add(new Cell(week * 13, 9, 0, 0, 0, null, day.date().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)));
            }
            reviewsYear += day.count();
        }
        int fmax = Math.max(1, s.forecast().stream().mapToInt(StudyStats.DayCount::count).max().orElse(0));
        List<Cell> forecast = new ArrayList<>();
        for (int i = 0; i < s.forecast().size(); i++) {
            StudyStats.DayCount day = s.forecast().get(i);
            double h = 120.0 * day.count() / fmax;
            forecast.add(new Cell(i * 20 + 2, 130 - h, 16, h, i == 0 ? 1 : 0, (i == 0 ? "today" : day.date().toString()) + ": " + day.count() + " due", null));
        }
        long smax = Math.max(1, s.stability().stream().mapToLong(StudyStats.Bucket::count).max().orElse(0));
        List<Cell> stability = new ArrayList<>();
        for (int i = 0; i < s.stability().size(); i++) {
            StudyStats.Bucket b = s.stability().get(i);
            double h = 100.0 * b.count() / smax;
            stability.add(new Cell(i * 60 + 6, 110 - h, 48, h, 0, b.label() + ": " + b.count(), b.label()));
        }
        long stateTotal = s.byState().stream().filter(c -> !c.state().equals("leeches")).mapToLong(StudyStats.StateCount::count).sum();
        List<MasteryRow> tagRows = s.tags().stream().limit(15).map(m -> new MasteryRow(m.name(), SiteUrls.tag(m.name()),
                "/review/study?tag=" + SiteUrls.encodePath(m.name()), percent(m.mastery()), m.cards(), level(m.mastery()))).toList();
        List<MasteryRow> noteRows = s.notes().stream().limit(15).map(m -> new MasteryRow(
                vault.note(m.name()).map(Note::title).orElse(m.name()), SiteUrls.note(m.name()),
                "/review/study?note=" + SiteUrls.encodePath(m.name()), percent(m.mastery()), m.cards(), level(m.mastery()))).toList();
        String scope = filter.deck() != null ? "deck " + filter.deck() : filter.tag() != null ? "#" + filter.tag() : "all cards";
        // calibration: predicted (x) against actual (y) recall per bin, on 0.3–1 axes in a 240-unit square
        List<Cell> calibration = new ArrayList<>();
        List<CalibrationRow> calibrationRows = new ArrayList<>();
        long calibrated = s.calibration().stream().mapToLong(StudyStats.CalibrationBin::reviews).sum();
        long cmax = Math.max(1, s.calibration().stream().mapToLong(StudyStats.CalibrationBin::reviews).max().orElse(1));
        double gap = 0;
        for (StudyStats.CalibrationBin b : s.calibration()) {
            String range = b.from() == 0 ? "< 50%" : percent(b.from()) + "–" + percent(b.to()) + "%";
            if (b.reviews() == 0) {
                continue;
            }
            gap += Math.abs(b.predicted() - b.actual()) * b.reviews();
            double r = 3 + 9 * Math.sqrt((double) b.reviews() / cmax);
            calibration.add(new Cell(axis(b.predicted()), 240 - axis(b.actual()), r, 0, 0, range + ": predicted " + pct(b.predicted())
                    + ", recalled " + pct(b.actual()) + " of " + b.reviews(), null));
            calibrationRows.add(new CalibrationRow(range, b.reviews(), pct(b.predicted()), pct(b.actual())));
        }
        return Templates.stats(new StatsPage(scope, heat, months, forecast, fmax, pct(s.retentionMonth()), pct(s.retentionAll()),
                s.reviewsMonth(), s.byState(), stateTotal, stability, smax, tagRows, noteRows, s.reviewsToday(), s.streak(), reviewsYear,
                calibration, calibrationRows, calibrated, calibrated == 0 ? "—" : String.format(Locale.ROOT, "%.1f points", 100 * gap / calibrated)));
    }

    /** 0.3–1 onto 0–240 (values below 0.3 sit on the edge). */
    private static double axis(double v) {
        return 240 * (Math.max(0.3, Math.min(1, v)) - 0.3) / 0.7;
    }

    private static int percent(double v) {
        return (int) Math.round(v * 100);
    }

    private static String level(double mastery) {
        return mastery >= 0.85 ? "strong" : mastery >= 0.6 ? "fair" : "weak";
    }

    private static String pct(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    @Inject
    dev.drillbook.config.DrillbookConfig config;

    private int cfgNew() {
        return config.srs().newPerDay();
    }

    private int cfgReviews() {
        return config.srs().reviewsPerDay();
    }
}
