package dev.drillbook.web;

import dev.drillbook.search.SearchException;
import dev.drillbook.search.SearchHit;
import dev.drillbook.search.SearchIndex;
import dev.drillbook.search.SearchUnavailableException;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Full-text search as JSON. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over the notes")
public class SearchApi {

    @Inject
    SearchIndex index;

    @Inject
    VaultGate gate;

    /** One hit as the JSON has it. */
    public record Result(String path, String title, String url, String heading, String snippet, double score) {

        static Result of(SearchHit hit) {
            return new Result(hit.path(), hit.title(), hit.url(), hit.heading(), hit.snippet(), hit.score());
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "the hits, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Result.class)))
    @Operation(summary = "Search the notes", description = "Words match titles, aliases, headings, tags and body (boosted in "
            + "that order, BM25), also by prefix and with one typo. \"Quoted phrases\" match in order; tag:x and folder:x "
            + "filter; -word excludes. `snippet` is escaped HTML with matches in <mark>; `heading` is the section it comes from.")
    @APIResponse(responseCode = "400", description = "empty or malformed query (for example an unclosed quote)")
    @APIResponse(responseCode = "503", description = "the index is still being built (the first seconds of a first start)")
    public List<Result> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("10") int limit,
            @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        gate.awaitForApi();
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100.");
        }
        try {
            return index.search(q, limit, tag, folder).stream().map(Result::of).toList();
        } catch (SearchUnavailableException e) {
            throw ApiException.unavailable(e.getMessage());
        } catch (SearchException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
