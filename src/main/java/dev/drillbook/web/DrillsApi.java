package dev.drillbook.web;

import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.DraftEntity;
import dev.drillbook.grading.GradingService;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** System-design drills from the questions folder. */
@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drills", description = "System-design drills written in questions/")
public class DrillsApi {

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    AttemptViews views;

    public record KeyPointJson(String id, String text, boolean required) {
    }

    public record DimensionJson(String id, double weight, String title, String description) {
    }

    public record DrillJson(String id, String title, String level, int timeLimitMinutes, List<String> tags,
            List<DimensionJson> rubric, List<KeyPointJson> keyPoints) {
        static DrillJson of(Drill d) {
            return new DrillJson(d.id(), d.title(), d.level(), d.timeLimitMinutes(), d.tags(),
                    d.rubric().stream().map(r -> new DimensionJson(r.id(), r.weight(), r.title(), r.description())).toList(),
                    d.keyPoints().stream().map(k -> new KeyPointJson(k.id(), k.text(), k.required())).toList());
        }
    }

    public record DrillDetailJson(String id, String source, String title, String level, int timeLimitMinutes, List<String> tags,
            List<String> notes, String prompt, List<DimensionJson> rubric, List<KeyPointJson> keyPoints, String referenceOutline,
            List<String> followUps) {
    }

    @GET
    @Operation(summary = "List drills", description = "Every file in questions/ with `type: drill`, sorted by title.")
    public List<DrillJson> list() {
        return drills.drills().stream().map(DrillJson::of).toList();
    }

    public record AnswerRequest(String answer, Integer timeUsedSeconds) {
    }

    public record DraftJson(String drillId, String answer, Instant startedAt, Instant updatedAt) {
    }

    @POST
    @Path("{id: .+}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an answer", description = "Stores the answer (and consumes the drill's draft, whose first save "
            + "started the clock), then grades it in the background: 202 with status pending; poll GET /api/attempts/{id}.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "202", description = "stored and queued for grading")
    @APIResponse(responseCode = "400", description = "empty answer")
    @APIResponse(responseCode = "404", description = "no such drill")
    public Response submit(@PathParam("id") String id, AnswerRequest request) {
        Drill d = find(id);
        String answer = AttemptViews.answer(request == null ? null : request.answer());
        if (request != null && request.timeUsedSeconds() != null && request.timeUsedSeconds() < 0) {
            throw ApiException.badRequest("timeUsedSeconds must be 0 or more; it was " + request.timeUsedSeconds() + ".");
        }
        Integer used = request == null ? null : request.timeUsedSeconds();
        long attempt = grading.submitDrill(d, answer, used);
        return Response.accepted(new AttemptViews.StatusJson(attempt, AttemptEntity.PENDING)).build();
    }

    @GET
    @Path("{id: .+}/attempts")
    @Operation(summary = "Attempt history of a drill", description = "Oldest first, with scores for the trend.")
    @APIResponse(responseCode = "404", description = "no such drill")
    public List<AttemptViews.AttemptSummaryJson> attempts(@PathParam("id") String id) {
        find(id);
        return grading.attempts(id).stream().map(views::summary).toList();
    }

    @GET
    @Path("{id: .+}/draft")
    @Operation(summary = "The saved draft of a drill", description = "204 when there is none.")
    @APIResponse(responseCode = "404", description = "no such drill")
    public Response draft(@PathParam("id") String id) {
        find(id);
        return grading.draft(id).map(d -> Response.ok(new DraftJson(d.drillId, d.answer, d.startedAt, d.updatedAt)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @PUT
    @Path("{id: .+}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Autosave the answer being written", description = "The first save starts the drill's clock. An empty "
            + "answer is saved too (the user may have deleted everything).")
    @APIResponse(responseCode = "404", description = "no such drill")
    public DraftJson saveDraft(@PathParam("id") String id, AnswerRequest request) {
        find(id);
        String answer = request == null || request.answer() == null ? "" : request.answer();
        if (answer.length() > AttemptViews.MAX_ANSWER) {
            throw ApiException.badRequest("The answer is " + answer.length() + " characters; the limit is " + AttemptViews.MAX_ANSWER + ".");
        }
        DraftEntity d = grading.saveDraft(id, answer);
        return new DraftJson(d.drillId, d.answer, d.startedAt, d.updatedAt);
    }

    @DELETE
    @Path("{id: .+}/draft")
    @Operation(summary = "Discard the draft and reset the clock")
    @APIResponse(responseCode = "404", description = "no such drill")
    public Response discardDraft(@PathParam("id") String id) {
        find(id);
        grading.discardDraft(id);
        return Response.noContent().build();
    }

    private Drill find(String id) {
        return drills.drill(id).orElseThrow(() -> ApiException.notFound("No drill " + id + "."));
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "One drill, with its prompt, reference outline and follow-ups")
    @APIResponse(responseCode = "404", description = "no such drill")
    public DrillDetailJson drill(@PathParam("id") String id) {
        Drill d = drills.drill(id).orElseThrow(() -> ApiException.notFound("No drill " + id + "."));
        DrillJson j = DrillJson.of(d);
        return new DrillDetailJson(d.id(), d.source(), d.title(), d.level(), d.timeLimitMinutes(), d.tags(), d.notes(), d.prompt(),
                j.rubric(), j.keyPoints(), d.referenceOutline(), d.followUps());
    }
}
