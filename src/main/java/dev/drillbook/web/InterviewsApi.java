package dev.drillbook.web;

import dev.drillbook.interview.InterviewFormat;
import dev.drillbook.interview.InterviewService;
import dev.drillbook.interview.ItemKind;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Mock interview sessions. */
@Path("/api/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews", description = "Timed mock interviews: behavioural, concept and system-design items, graded at the end")
public class InterviewsApi {

    @Inject
    InterviewService interviews;

    @Inject
    InterviewViews views;

    @GET
    @Path("formats")
    @Operation(summary = "Interview formats", description = "Files with `type: interview-format` in questions/, or the built-in "
            + "45-minute default.")
    public List<InterviewViews.FormatJson> formats() {
        return interviews.formats().stream().map(InterviewViews.FormatJson::of).toList();
    }

    @GET
    @Operation(summary = "Past and running sessions, newest first")
    public List<InterviewViews.SummaryJson> sessions() {
        return interviews.sessions().stream().map(s -> new InterviewViews.SummaryJson(s.id, s.title, s.status, s.startedAt,
                s.score == null ? null : (int) Math.round(s.score), 0)).toList();
    }

    /**
     * @param custom a format built on the spot: counts and minutes per kind, optional tags
     */
    public record StartRequest(String format, Boolean softLimits, Custom custom) {
    }

    public record Custom(Integer behavioral, Integer concept, Integer coding, Integer drill, Integer behavioralMinutes,
            Integer conceptMinutes, Integer codingMinutes, Integer drillMinutes, List<String> tags) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session", description = "`{format}` names a format (GET /formats), or `{custom: {behavioral, concept, "
            + "coding, drill, behavioralMinutes, conceptMinutes, codingMinutes, drillMinutes, tags}}` builds one. softLimits: let answers continue past an "
            + "item's time (the overrun is recorded); by default answers freeze when time runs out. Items favour weak topics and "
            + "questions not seen recently. The first item's clock starts now.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "`{id, items:[{index, kind, prompt, timeLimitSeconds, …}], startedAt, …}`")
    @APIResponse(responseCode = "400", description = "unknown format or bad custom counts")
    @APIResponse(responseCode = "409", description = "nothing to ask")
    public Response start(StartRequest request) {
        if (request == null || (request.format() == null && request.custom() == null)) {
            throw ApiException.badRequest("Send {format} (see GET /api/interviews/formats) or {custom: {behavioral, concept, drill, …}}.");
        }
        InterviewFormat format = request.custom() != null ? custom(request.custom())
                : interviews.format(request.format()).orElseThrow(() -> ApiException.badRequest("Unknown interview format \"" + request.format()
                        + "\"; see GET /api/interviews/formats."));
        InterviewService.State st = call(() -> interviews.start(format, Boolean.TRUE.equals(request.softLimits()), Instant.now()));
        return Response.status(201).entity(views.session(st, null)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A session's state", description = "Items with status waiting|open|answered|timed_out|skipped, the open "
            + "item's deadline and saved answer: everything needed to resume.")
    @APIResponse(responseCode = "404", description = "no such session")
    public InterviewViews.SessionJson session(@PathParam("id") String id) {
        return views.session(call(() -> interviews.state(id(id), Instant.now())), null);
    }

    public record AnswerRequest(String answer, Boolean done) {
    }

    @POST
    @Path("{id}/items/{index}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the open item's answer", description = "Call as often as you like while typing; `done: true` closes the "
            + "item and opens the next. With a judge configured, the first `done` on a system-design item may instead return "
            + "`followUp`: a question on the weakest dimension, answered within the same item.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "404", description = "no such session or item")
    @APIResponse(responseCode = "409", description = "the session is finished, or the item is not open (not started, closed, or its time ran out)")
    public InterviewViews.SessionJson answer(@PathParam("id") String id, @PathParam("index") String index, AnswerRequest request) {
        long sid = id(id);
        int idx;
        try {
            idx = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Session " + id + " has no item " + index + ".");
        }
        String answer = request == null || request.answer() == null ? "" : request.answer();
        if (answer.length() > AttemptViews.MAX_ANSWER) {
            throw ApiException.badRequest("The answer is longer than " + AttemptViews.MAX_ANSWER + " characters.");
        }
        boolean done = request != null && Boolean.TRUE.equals(request.done());
        InterviewService.Answered a = call(() -> interviews.answer(sid, idx, answer, done, Instant.now()));
        return views.session(a.state(), a.followUp());
    }

    @POST
    @Path("{id}/finish")
    @Operation(summary = "End the session", description = "Closes the open item, marks unanswered ones skipped and grades the rest "
            + "in the background; poll the report.")
    @APIResponse(responseCode = "404", description = "no such session")
    @APIResponse(responseCode = "409", description = "already finished")
    public InterviewViews.SessionJson finish(@PathParam("id") String id) {
        return views.session(call(() -> interviews.finish(id(id), Instant.now())), null);
    }

    @GET
    @Path("{id}/report")
    @Operation(summary = "The report", description = "`grading: true` while answers are graded. items: `{index, kind, status, grade "
            + "(0–100), grader, timeUsedSeconds, …}`; weakTopics `{name, url}`; overall 0–100; profile by rubric dimension and "
            + "topic; top fixes with notes; cards made due now and drills to redo.")
    @APIResponse(responseCode = "404", description = "no such session")
    public InterviewViews.ReportJson report(@PathParam("id") String id) {
        return views.report(call(() -> interviews.report(id(id), Instant.now())));
    }

    @GET
    @Path("{id}/report.md")
    @Produces("text/markdown; charset=UTF-8")
    @Operation(summary = "The report as Markdown")
    @APIResponse(responseCode = "404", description = "no such session")
    public Response reportMarkdown(@PathParam("id") String id) {
        InterviewService.Report r = call(() -> interviews.report(id(id), Instant.now()));
        return Response.ok(views.markdown(views.report(r), r))
                .header("Content-Disposition", "attachment; filename=\"interview-" + r.session().id + ".md\"").build();
    }

    static InterviewFormat custom(Custom c) {
        Map<ItemKind, Integer> counts = new EnumMap<>(ItemKind.class);
        Map<ItemKind, Integer> seconds = new EnumMap<>(ItemKind.class);
        put(counts, seconds, ItemKind.BEHAVIORAL, c.behavioral(), c.behavioralMinutes());
        put(counts, seconds, ItemKind.CONCEPT, c.concept(), c.conceptMinutes());
        put(counts, seconds, ItemKind.CODING, c.coding(), c.codingMinutes());
        put(counts, seconds, ItemKind.DRILL, c.drill(), c.drillMinutes());
        if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw ApiException.badRequest("A custom session needs at least one item.");
        }
        return new InterviewFormat("custom", "Custom session", "", counts, seconds, c.tags() == null ? List.of() : c.tags());
    }

    private static void put(Map<ItemKind, Integer> counts, Map<ItemKind, Integer> seconds, ItemKind kind, Integer count, Integer minutes) {
        int n = count == null ? 0 : count;
        if (n < 0 || n > 20) {
            throw ApiException.badRequest(kind.id() + " must be from 0 to 20, not " + n + ".");
        }
        counts.put(kind, n);
        if (minutes != null) {
            if (minutes < 1 || minutes > 180) {
                throw ApiException.badRequest(kind.id() + "Minutes must be from 1 to 180, not " + minutes + ".");
            }
            seconds.put(kind, minutes * 60);
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No interview session " + id + ".");
        }
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (InterviewService.InterviewException e) {
            throw new ApiException(e.status, e.status == 404 ? "Not found" : "Conflict", e.getMessage());
        }
    }
}
