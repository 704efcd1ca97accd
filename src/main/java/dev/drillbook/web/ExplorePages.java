package dev.drillbook.web;

import dev.drillbook.graph.GraphService;
import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.SourceRange;
import dev.drillbook.search.SearchException;
import dev.drillbook.search.SearchHit;
import dev.drillbook.search.SearchIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.TagCount;
import dev.drillbook.vault.Vault;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The graph page, the search page, and the htmx fragments for search-as-you-type, the jump box and link previews. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ExplorePages {

    /** Above this many notes the global graph shows the most central ones (see README). */
    static final int GRAPH_NODE_BUDGET = 600;

    @Inject
    Vault vault;

    @Inject
    VaultGate gate;

    @Inject
    SearchIndex search;

    @Inject
    GraphService graph;

    @Inject
    NotesApi notesApi;

    record GraphPage(int total, int budget, List<String> folders, List<TagCount> tags) {
    }

    record SearchPage(String q, String tag, String folder, List<SearchHit> hits, String error, List<String> folders,
            List<TagCount> tags) {
    }

    record PaletteItem(String title, String url, String sub, String snippet) {
    }

    record Preview(String title, String url, String heading, String html) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance graph(GraphPage page);

        static native TemplateInstance search(SearchPage page);

        static native TemplateInstance searchResults(SearchPage page);

        static native TemplateInstance palette(String q, List<PaletteItem> notes, List<PaletteItem> passages);

        static native TemplateInstance preview(Preview preview);
    }

    @GET
    @Path("graph")
    @Operation(hidden = true)
    public TemplateInstance graphPage() {
        gate.awaitForApi();
        return Templates.graph(new GraphPage(vault.size(), GRAPH_NODE_BUDGET, folders(), vault.tags()));
    }

    @GET
    @Path("search")
    @Operation(hidden = true)
    public TemplateInstance searchPage(@QueryParam("q") @DefaultValue("") String q, @QueryParam("tag") String tag,
            @QueryParam("folder") String folder) {
        gate.awaitForApi();
        return Templates.search(runSearch(q, tag, folder, 30));
    }

    @GET
    @Path("fragments/search")
    @Operation(hidden = true)
    public TemplateInstance searchResults(@QueryParam("q") @DefaultValue("") String q, @QueryParam("tag") String tag,
            @QueryParam("folder") String folder) {
        gate.awaitForApi();
        return Templates.searchResults(runSearch(q, tag, folder, 30));
    }

    private SearchPage runSearch(String q, String tag, String folder, int limit) {
        String cleanTag = tag == null || tag.isBlank() ? null : tag;
        String cleanFolder = folder == null || folder.isBlank() ? null : folder;
        if (q.isBlank() && cleanTag == null && cleanFolder == null) {
            return new SearchPage(q, cleanTag, cleanFolder, List.of(), null, folders(), vault.tags());
        }
        try {
            String text = q.isBlank() ? (cleanTag != null ? "tag:" + cleanTag : "folder:" + cleanFolder) : q;
            return new SearchPage(q, cleanTag, cleanFolder, search.search(text, limit, cleanTag, cleanFolder), null, folders(),
                    vault.tags());
        } catch (SearchException e) {
            return new SearchPage(q, cleanTag, cleanFolder, List.of(), e.getMessage(), folders(), vault.tags());
        }
    }

    @GET
    @Path("fragments/palette")
    @Operation(hidden = true)
    public TemplateInstance palette(@QueryParam("q") @DefaultValue("") String q) {
        gate.awaitForApi();
        List<PaletteItem> notes = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (NotesApi.JumpHit hit : notesApi.jump(q, q.isBlank() ? 8 : 6)) {
            seen.add(hit.path());
            notes.add(new PaletteItem(hit.title(), hit.url(), hit.alias() != null ? "alias: " + hit.alias()
                    : hit.folder().isEmpty() ? "note" : hit.folder(), null));
        }
        List<PaletteItem> passages = new ArrayList<>();
        if (q.strip().length() >= 2) {
            try {
                for (SearchHit hit : search.search(q, 8, null, null)) {
                    if (passages.size() < 6 && !(seen.contains(hit.path()) && hit.heading() == null)) {
                        passages.add(new PaletteItem(hit.title(), hit.url(), hit.heading() == null ? "" : "\u00a7 " + hit.heading(),
                                hit.snippet()));
                    }
                }
            } catch (SearchException e) {
                // a half-typed query ("\"rag") is normal while typing: show title matches only
            }
        }
        return Templates.palette(q, notes, passages);
    }

    @GET
    @Path("fragments/preview")
    @Operation(hidden = true)
    public TemplateInstance preview(@QueryParam("path") @DefaultValue("") String path, @QueryParam("anchor") String anchor) {
        gate.awaitForApi();
        Note note = vault.note(path).orElseThrow(NotFoundException::new);
        String html = vault.html(note);
        String heading = null;
        if (anchor != null && !anchor.isBlank()) {
            String id = anchor.startsWith("^") ? anchor : AnchorIds.anchor(anchor);
            SourceRange range = note.facts().anchors().get(id);
            if (range == null && note.facts().anchors().containsKey(anchor)) {
                range = note.facts().anchors().get(anchor);
                id = anchor;
            }
            if (range != null) {
                HtmlTemplate section = vault.section(note, id);
                html = section.withoutEmbeds();
                String target = id;
                heading = note.headings().stream().filter(h -> target.equals(h.id())).map(h -> h.text()).findFirst()
                        .orElse(id.startsWith("^") ? "block " + id : null);
            }
        }
        return Templates.preview(new Preview(note.title(), note.url(), heading, html));
    }

    private List<String> folders() {
        Set<String> folders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Note note : vault.notes()) {
            String folder = note.folder();
            while (!folder.isEmpty()) {
                folders.add(folder);
                int slash = folder.lastIndexOf('/');
                folder = slash < 0 ? "" : folder.substring(0, slash);
            }
        }
        return List.copyOf(folders);
    }
}
