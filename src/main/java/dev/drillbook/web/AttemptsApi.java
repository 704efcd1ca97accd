package dev.drillbook.web;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.grading.ConceptGrade;
import dev.drillbook.grading.GradingService;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.Vault;

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

/** Graded attempts, free-text grading of concept questions and the Markdown preview of the answer editor. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Grading", description = "Attempts at drills and free-text answers, graded by the LLM judge or the offline estimate")
public class AttemptsApi {

    @Inject
    GradingService grading;

    @Inject
    AttemptViews views;

    private final ObsidianMarkdown markdown = new ObsidianMarkdown();

    @Inject
    Vault vault;

    @GET
    @Path("attempts/{id}")
    @Operation(summary = "One attempt", description = "status is pending while grading runs (poll until graded or failed). score is "
            + "0–100 and null unless graded, or withheld when the answer tried to instruct the grader (flags has prompt_injection).")
    @APIResponse(responseCode = "404", description = "no such attempt")
    public Object attempt(@PathParam("id") String id) {
        return views.any(find(id));
    }

    public record SelfAssessmentRequest(java.util.Map<String, String> marks) {
    }

    @POST
    @Path("attempts/{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess an attempt yourself", description = "Without a judge, a drill attempt ends in status `assess`: compare "
            + "your answer with the reference and mark each key point `covered`, `partial` or `missing` (`{marks: {k1: covered, …}}`). "
            + "That becomes the attempt's grade (grader `self`), the one reviews, interview reports and weak topics use. Can be "
            + "sent again to change the marks.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "a key point without a mark, or an unknown key point or mark")
    @APIResponse(responseCode = "404", description = "no such drill attempt")
    @APIResponse(responseCode = "409", description = "the attempt is still being graded, or was graded by the LLM judge")
    public AttemptViews.AttemptJson selfAssess(@PathParam("id") String id, SelfAssessmentRequest request) {
        AttemptEntity a = find(id);
        if (request == null || request.marks() == null) {
            throw ApiException.badRequest("Send {marks: {k1: covered|partial|missing, …}}, one mark per key point.");
        }
        try {
            grading.selfAssess(a.id, request.marks()).orElseThrow(() -> ApiException.notFound("No drill attempt " + id + "."));
        } catch (dev.drillbook.grading.SelfAssessment.InvalidMarks e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
        return views.json(find(id));
    }

    @POST
    @Path("attempts/{id}/regrade")
    @Operation(summary = "Grade an attempt again", description = "With the grader configured now; useful after a failure or after "
            + "configuring a judge. Returns 202 with status pending.")
    @APIResponse(responseCode = "404", description = "no such attempt")
    @APIResponse(responseCode = "409", description = "the attempt is still being graded")
    public Response regrade(@PathParam("id") String id) {
        AttemptEntity a = find(id);
        if (!"drill".equals(a.kind)) {
            throw ApiException.conflict("Only drill attempts can be regraded; grade a free-text answer again with POST /api/grade.");
        }
        if (!grading.regrade(a.id)) {
            throw ApiException.conflict("Attempt " + a.id + " is still being graded.");
        }
        return Response.accepted(new AttemptViews.StatusJson(a.id, AttemptEntity.PENDING)).build();
    }

    public record GradeRequest(String question, String reference, String answer, String cardId) {
    }

    @POST
    @Path("grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grade a free-text answer to a concept question", description = "score 0–5 (null if grading failed or "
            + "was withheld), the grader used (llm with its model, or offline), and rating: the FSRS rating it suggests. The answer "
            + "is stored before grading.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "question, reference or answer missing or empty")
    public ConceptGrade grade(GradeRequest request) {
        if (request == null || blank(request.question()) || blank(request.reference())) {
            throw ApiException.badRequest("Send {question, reference, answer}: the question and its reference answer are required.");
        }
        // the columns that store them (V3): longer values are refused here, not by the database with a 500
        AttemptViews.bounded("question", request.question(), 100_000);
        AttemptViews.bounded("reference", request.reference(), 100_000);
        AttemptViews.bounded("cardId", request.cardId(), 16);
        return grading.gradeConcept(request.question().strip(), request.reference().strip(), AttemptViews.answer(request.answer()),
                blank(request.cardId()) ? null : request.cardId().strip());
    }

    public record PreviewRequest(String markdown) {
    }

    public record PreviewJson(String html) {
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render Markdown as a note would be", description = "For the answer editor's live preview: wikilinks "
            + "resolved against the vault, raw HTML sanitised, math left for KaTeX in the browser.")
    public PreviewJson preview(PreviewRequest request) {
        String text = request == null || request.markdown() == null ? "" : request.markdown();
        if (text.length() > AttemptViews.MAX_ANSWER) {
            throw ApiException.badRequest("The text is longer than " + AttemptViews.MAX_ANSWER + " characters.");
        }
        return new PreviewJson(markdown.renderFragment(text, "questions/answer.md", vault.names()));
    }

    private AttemptEntity find(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No attempt " + id + ".");
        }
        return grading.attempt(n).orElseThrow(() -> ApiException.notFound("No attempt " + id + "."));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
