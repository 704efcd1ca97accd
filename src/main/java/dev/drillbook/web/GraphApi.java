package dev.drillbook.web;

import dev.drillbook.graph.GraphQuery;
import dev.drillbook.graph.GraphService;
import dev.drillbook.graph.GraphView;
import dev.drillbook.graph.TopicGraph;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.drillbook.auth.AccessPolicy;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The topic graph as JSON: the whole vault, a local graph around a note, and shortest paths. */
@Path("/api/graph")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Graph", description = "How the notes connect")
public class GraphApi {

    @Inject
    GraphService graph;

    @Inject
    Vault vault;

    @Inject
    VaultGate gate;

    @Inject
    GraphJsonCache jsonCache;

    @Inject
    AccessGuard guard;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeJson(String id, String title, String url, List<String> tags, String folder, int degree,
            int inDegree, int outDegree, double rank, String kind, Double x, Double y, Double mastery) {
    }

    public record EdgeJson(String source, String target, String kind) {
    }

    public record GraphJson(List<NodeJson> nodes, List<EdgeJson> edges, int total, boolean truncated, int components) {
        static GraphJson of(GraphView view) {
            return new GraphJson(view.nodes().stream().map(n -> new NodeJson(n.id(), n.title(), n.url(), n.tags(), n.folder(),
                    n.degree(), n.inDegree(), n.outDegree(), n.rank(), n.kind(), n.x(), n.y(), n.mastery())).toList(),
                    view.edges().stream().map(e -> new EdgeJson(e.source(), e.target(), e.kind())).toList(),
                    view.total(), view.truncated(), view.components());
        }
    }

    public record PathJson(String from, String to, boolean connected, List<PathStep> notes) {
    }

    public record PathStep(String path, String title, String url) {
    }

    public record StatsJson(int notes, int edges, int components, List<String> orphans, List<PathStep> hubs) {
    }

    @GET
    @Operation(summary = "The topic graph", description = "Nodes are notes (`id` is the note path), edges are resolved links "
            + "and embeds (`kind`: link | embed; `tag` edges when `tags=true`). With `center` and `depth` (1–3) only the notes "
            + "within that many links of the center; `tag` and `folder` filter nodes; `limit` keeps the most central notes; "
            + "`layout=true` adds server-computed x/y positions.")
    @APIResponse(responseCode = "400", description = "depth outside 1–3 or a negative limit")
    @APIResponse(responseCode = "404", description = "center is not a note")
    @APIResponse(responseCode = "200", description = "the graph",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = GraphJson.class)))
    public byte[] graph(@QueryParam("center") String center,
            @Parameter(description = "hops from center, 1–3") @QueryParam("depth") @DefaultValue("1") int depth,
            @QueryParam("tag") String tag, @QueryParam("folder") String folder,
            @QueryParam("tags") @DefaultValue("false") boolean tags,
            @QueryParam("orphans") @DefaultValue("true") boolean orphans,
            @QueryParam("limit") @DefaultValue("0") int limit,
            @QueryParam("layout") @DefaultValue("false") boolean layout) {
        gate.awaitForApi();
        String centerPath = null;
        if (center != null && !center.isBlank()) {
            centerPath = vault.note(center).map(Note::path)
                    .orElseThrow(() -> ApiException.notFound("No note at \u201c" + center + "\u201d to center the graph on."));
        }
        if (depth < 1 || depth > GraphQuery.MAX_DEPTH) {
            throw ApiException.badRequest("depth must be between 1 and " + GraphQuery.MAX_DEPTH + "; it was " + depth + ".");
        }
        if (limit < 0) {
            throw ApiException.badRequest("limit must be 0 (no limit) or more.");
        }
        return jsonCache.json(new GraphQuery(centerPath, depth, tag, folder, tags, orphans, limit, layout),
                guard.mayRead(AccessPolicy.Private.MASTERY));
    }

    @GET
    @Path("/path")
    @Operation(summary = "How two notes are connected", description = "The notes on a shortest path from `from` to `to`, "
            + "following links in either direction. `connected` is false (and `notes` empty) when there is no path.")
    @APIResponse(responseCode = "400", description = "from or to missing")
    @APIResponse(responseCode = "404", description = "from or to is not a note")
    public PathJson path(@QueryParam("from") String from, @QueryParam("to") String to) {
        gate.awaitForApi();
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw ApiException.badRequest("Give both from and to: note paths, titles or aliases.");
        }
        Note a = vault.find(from).orElseThrow(() -> ApiException.notFound("No note matches \u201c" + from + "\u201d."));
        Note b = vault.find(to).orElseThrow(() -> ApiException.notFound("No note matches \u201c" + to + "\u201d."));
        List<String> path = graph.metrics().shortestPath(a.path(), b.path());
        List<PathStep> steps = path.stream().map(p -> vault.note(p).map(n -> new PathStep(n.path(), n.title(), n.url()))
                .orElse(new PathStep(p, p, null))).toList();
        return new PathJson(a.path(), b.path(), !steps.isEmpty(), steps);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Graph statistics", description = "Counts, orphans (notes without links) and the ten most central notes (PageRank).")
    public StatsJson stats() {
        gate.awaitForApi();
        TopicGraph.Metrics metrics = graph.metrics();
        List<PathStep> hubs = metrics.hubs(10).stream().map(p -> vault.note(p).map(n -> new PathStep(n.path(), n.title(), n.url()))
                .orElse(new PathStep(p, p, null))).toList();
        return new StatsJson(metrics.size(), metrics.edges().size(), metrics.componentCount(), metrics.orphans(), hubs);
    }
}
