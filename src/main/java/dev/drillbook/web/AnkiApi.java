package dev.drillbook.web;

import dev.drillbook.anki.AnkiService;
import dev.drillbook.review.CardFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** Anki interop: export for Anki's text importer, import Anki's notes text, replay review history. */
@Path("/api/anki")
@Tag(name = "Anki", description = "Move cards and review history between Anki and Drillbook")
public class AnkiApi {

    @Inject
    AnkiService anki;

    @Inject
    VaultGate gate;

    @GET
    @Path("export")
    @Produces("text/plain; charset=UTF-8")
    @Operation(summary = "Export cards for Anki", description = "A \"Notes in Plain Text\" file for Anki's File → Import: Basic notes "
            + "with HTML fields (math as \\(…\\) for MathJax), a deck column (Drillbook::<deck>) and a tags column. Optional deck, tag "
            + "or folder filter.")
    public Response export(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        gate.awaitForApi();
        String name = deck != null ? deck : tag != null ? tag : folder != null ? folder : "all";
        return Response.ok(anki.export(CardFilter.of(deck, tag, folder, null), Instant.now()))
                .header("Content-Disposition", "attachment; filename=\"drillbook-" + name.replaceAll("[^A-Za-z0-9_-]", "-") + ".txt\"").build();
    }

    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, "text/tab-separated-values"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Anki notes", description = "The body is Anki's \"Notes in Plain Text\" export. Writes one card file per "
            + "deck under questions/anki/ (never overwriting a file); the cards appear like any others. `name` is the deck for notes "
            + "without a deck column.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "`{files, cards, skipped}`")
    @APIResponse(responseCode = "400", description = "no notes in the body")
    public Response importNotes(@QueryParam("name") String name, String body) {
        try {
            return Response.status(201).entity(anki.importNotes(body == null ? "" : body, name)).build();
        } catch (AnkiService.BadImport e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @POST
    @Path("history")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay review history", description = "CSV with a header: card (a card id or the card's exact front) or "
            + "card_id; reviewed_at or review_time (ISO-8601 or epoch milliseconds); rating, review_rating or ease (1–4 or "
            + "again/hard/good/easy). Answers are replayed in time order through the scheduler; rows that fail are listed.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "no header or no rows")
    public AnkiService.Replayed history(String body) {
        gate.awaitForApi();
        try {
            return anki.replay(body == null ? "" : body, Instant.now());
        } catch (AnkiService.BadImport e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
