package dev.drillbook.web;

import dev.drillbook.interview.InterviewService;
import dev.drillbook.interview.SessionEntity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mock interview pages: formats and history, the session screen, the report. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class InterviewPages {

    @Inject
    InterviewService interviews;

    @Inject
    InterviewViews views;

    @Inject
    dev.drillbook.grading.GradingService grading;

    record HistoryRow(long id, String title, String when, String status, Integer score, String bandClass, String url) {
    }

    record InterviewsPage(List<InterviewViews.FormatJson> formats, List<HistoryRow> sessions, List<HistoryRow> active, String chart,
            String grader) {
    }

    record SessionPage(long id, String title) {
    }

    record ReportPage(InterviewViews.ReportJson report, String when, String overallBand, String bandClass, String grader) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance interviews(InterviewsPage page);

        static native TemplateInstance session(SessionPage page);

        static native TemplateInstance report(ReportPage page);
    }

    @GET
    @Path("interviews")
    @Operation(hidden = true)
    public TemplateInstance list() {
        List<HistoryRow> done = new ArrayList<>();
        List<HistoryRow> active = new ArrayList<>();
        List<DrillPages.ChartPoint> points = new ArrayList<>();
        List<SessionEntity> sessions = interviews.sessions();
        for (SessionEntity s : sessions) {
            Integer score = s.score == null ? null : (int) Math.round(s.score);
            String url = SessionEntity.ACTIVE.equals(s.status) ? "/interviews/" + s.id : "/interviews/" + s.id + "/report";
            HistoryRow row = new HistoryRow(s.id, s.title, TemplateHelpers.dateTime(s.startedAt), s.status, score, DrillPages.bandClass(score), url);
            (SessionEntity.ACTIVE.equals(s.status) ? active : done).add(row);
        }
        List<SessionEntity> scored = new ArrayList<>(sessions.stream().filter(s -> s.score != null).toList());
        java.util.Collections.reverse(scored);
        for (int i = 0; i < scored.size(); i++) {
            SessionEntity s = scored.get(i);
            double x = scored.size() == 1 ? 300 : 24 + i * (552.0 / (scored.size() - 1));
            points.add(new DrillPages.ChartPoint(Math.round(x * 10) / 10.0, Math.round((140 - s.score * 1.2) * 10) / 10.0,
                    (int) Math.round(s.score), "/interviews/" + s.id + "/report", false));
        }
        DrillPages.Chart chart = new DrillPages.Chart(points, String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList()));
        return Templates.interviews(new InterviewsPage(interviews.formats().stream().map(InterviewViews.FormatJson::of).toList(), done, active,
                chart.drawn() ? chart.svg() : "", grading.currentGrader().label()));
    }

    @GET
    @Path("interviews/{id}")
    @Operation(hidden = true)
    public TemplateInstance session(@PathParam("id") String id) {
        InterviewService.State st = load(id);
        return Templates.session(new SessionPage(st.session().id, st.session().title));
    }

    @GET
    @Path("interviews/{id}/report")
    @Operation(hidden = true)
    public TemplateInstance report(@PathParam("id") String id) {
        InterviewService.State st = load(id);
        InterviewViews.ReportJson r = views.report(interviews.report(st.session().id, Instant.now()));
        return Templates.report(new ReportPage(r, TemplateHelpers.dateTime(st.session().startedAt),
                r.overall() == null ? null : dev.drillbook.grading.Grade.band(r.overall()), DrillPages.bandClass(r.overall()),
                grading.currentGrader().label()));
    }

    private InterviewService.State load(String id) {
        try {
            return interviews.state(Long.parseLong(id), Instant.now());
        } catch (NumberFormatException | InterviewService.InterviewException e) {
            throw ApiException.notFound("No interview session " + id + ".");
        }
    }
}
