package dev.drillbook.web;

import dev.drillbook.search.SearchException;
import dev.drillbook.search.SearchHit;
import dev.drillbook.search.SearchIndex;
import dev.drillbook.search.SearchUnavailableException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** One hit as the JSON has it (documents the response; {@link #json} writes it). */
    public record Result(String path, String title, String url, String heading, String snippet, double score) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    @GET
    @APIResponse(responseCode = "200", description = "the hits, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Result.class)))
    @Operation(summary = "Search the notes", description = "Words match titles, aliases, headings, tags and body (boosted in "
            + "that order, BM25), also by prefix and with one typo. \"Quoted phrases\" match in order; tag:x and folder:x "
            + "filter; -word excludes. `snippet` is escaped HTML with matches in <mark>; `heading` is the section it comes from.")
    @APIResponse(responseCode = "400", description = "empty or malformed query (for example an unclosed quote)")
    @APIResponse(responseCode = "503", description = "the index is still being built, or searches have queued for 30 s")
    public byte[] search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("10") int limit,
            @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        gate.awaitForApi();
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100.");
        }
        try {
            return json(index.search(q, limit, tag, folder));
        } catch (SearchUnavailableException e) {
            throw ApiException.unavailable(e.getMessage());
        } catch (SearchException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * The hits as JSON, written field by field: search is the API's busiest call, and the generic bean serialiser
     * and response writer cost ~8 % of a query's CPU on the benchmark vault.
     */
    static byte[] json(List<SearchHit> hits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + hits.size() * 512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (SearchHit hit : hits) {
                json.writeStartObject();
                json.writeStringField("path", hit.path());
                json.writeStringField("title", hit.title());
                json.writeStringField("url", hit.url());
                json.writeStringField("heading", hit.heading());
                json.writeStringField("snippet", hit.snippet());
                json.writeNumberField("score", hit.score());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // writing to memory
        }
        return out.toByteArray();
    }
}
