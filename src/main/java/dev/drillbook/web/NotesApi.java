package dev.drillbook.web;

import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.vault.LoadProgress;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.TagCount;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultProblem;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON API over the vault: notes, tags, problems, and the jump-to-note lookup. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vault", description = "Notes, tags and problems of the Obsidian vault")
public class NotesApi {

    @Inject
    Vault vault;

    @Inject
    dev.drillbook.quiz.CardCatalog cards;

    @Inject
    VaultGate gate;

    @Inject
    dev.drillbook.search.SearchIndex search;

    public record NoteSummary(String path, String title, String url, List<String> tags, List<String> aliases) {
        static NoteSummary of(Note note) {
            return new NoteSummary(note.path(), note.title(), note.url(), note.tags(), note.aliases());
        }
    }

    public record LinkJson(String target, String anchor, String display, boolean embed, String resolved, int line) {
        static LinkJson of(NoteLink l) {
            return new LinkJson(l.target(), l.anchor(), l.display(), l.embed(), l.resolved(), l.line());
        }
    }

    public record ProblemJson(String kind, String message, Integer line) {
    }

    public record NoteDetail(String path, String title, String url, List<String> tags, List<String> aliases,
            List<String> cssClasses, Map<String, Object> properties, String html, List<NoteHeading> headings,
            List<LinkJson> links, List<String> backlinks, List<ProblemJson> problems, String modified) {
    }

    public record JumpHit(String title, String path, String url, String folder, String alias) {
    }

    public record Status(boolean loaded, boolean searchReady, boolean catchingUp, int notes, int loadedSoFar, int total,
            long loadMillis, long searchIndexMillis, long version, double lastChangeMillis, double lastSearchUpdateMillis,
            boolean cardsLoaded, int cards, long cardsLoadMillis) {
    }

    @GET
    @Path("/notes")
    @Operation(summary = "List every note", description = "Sorted by path. `url` is the note's page on this site.")
    public List<NoteSummary> notes() {
        gate.awaitForApi();
        return vault.notes().stream().sorted(Comparator.comparing(Note::path)).map(NoteSummary::of).toList();
    }

    @GET
    @Path("/notes/{path: .+}")
    @Operation(summary = "One note, rendered", description = "`path` is the vault-relative file path, e.g. `rag/Overview.md` "
            + "(the `.md` may be left out). `html` has embeds filled in; `links[].resolved` is the target's path or null.")
    @APIResponse(responseCode = "404", description = "No such note (or a path outside the vault)")
    public NoteDetail note(@Parameter(description = "vault-relative path") @PathParam("path") String path) {
        gate.awaitForApi();
        Note note = vault.note(path).orElseThrow(() -> ApiException.notFound("No note at \u201c" + path + "\u201d in the vault."));
        List<ProblemJson> problems = vault.problems(note).stream()
                .map(p -> new ProblemJson(p.kind(), p.message(), p.line())).toList();
        return new NoteDetail(note.path(), note.title(), note.url(), note.tags(), note.aliases(), note.cssClasses(),
                note.properties(), vault.html(note), note.headings(), note.links().stream().map(LinkJson::of).toList(),
                vault.backlinks(note.path()), problems, note.modified().toString());
    }

    @GET
    @Path("/tags")
    @Operation(summary = "Every tag with its note count", description = "A nested tag (`ml/attention`) also counts for its parents (`ml`).")
    public List<TagCount> tags() {
        gate.awaitForApi();
        return vault.tags();
    }

    @GET
    @Path("/problems")
    @Operation(summary = "Everything wrong in the vault", description = "Bad front matter, broken and ambiguous links, "
            + "missing headings, embed cycles, unreadable files, and broken card or drill files.")
    public List<VaultProblem> problems() {
        gate.awaitForApi();
        return vault.problems();
    }

    @GET
    @Path("/status")
    @Operation(summary = "Whether the vault has been read, and how far")
    public Status status() {
        LoadProgress p = vault.progress();
        return new Status(p.loaded(), search.ready(), p.catchingUp(), vault.size(), p.done(), p.total(), p.millis(),
                search.indexMillis(), vault.version(), vault.lastChangeMillis(), search.lastUpdateMillis(),
                cards.loaded(), cards.cardCount(), cards.loadMillis());
    }

    @GET
    @Path("/jump")
    @Operation(summary = "Jump to a note by title or alias", description = "Ranked: exact, prefix, word prefix, substring, "
            + "then letters in order. Used by the Ctrl/Cmd-K box.")
    public List<JumpHit> jump(@QueryParam("q") @DefaultValue("") String q, @QueryParam("limit") @DefaultValue("12") int limit) {
        gate.awaitForApi();
        String query = q.strip().toLowerCase(Locale.ROOT);
        int max = Math.max(1, Math.min(limit, 50));
        if (query.isEmpty()) {
            return vault.recent(max).stream().map(n -> new JumpHit(n.title(), n.path(), n.url(), n.folder(), null)).toList();
        }
        record Scored(Note note, String alias, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Note note : vault.notes()) {
            int best = score(note.title(), query);
            String alias = null;
            for (String a : note.aliases()) {
                int s = score(a, query) - 2;
                if (s > best) {
                    best = s;
                    alias = a;
                }
            }
            int byName = score(note.name(), query) - 1;
            if (byName > best) {
                best = byName;
                alias = null;
            }
            if (best > 0) {
                scored.add(new Scored(note, alias, best));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.note().title().length())
                        .thenComparing(s -> s.note().path()))
                .limit(max).map(s -> new JumpHit(s.note().title(), s.note().path(), s.note().url(), s.note().folder(), s.alias()))
                .toList();
    }

    /** 100 exact, 80 prefix, 60 word prefix, 40 substring, 10–20 letters in order, 0 no match. */
    static int score(String candidate, String query) {
        String c = candidate.toLowerCase(Locale.ROOT);
        if (c.equals(query)) {
            return 100;
        }
        if (c.startsWith(query)) {
            return 80;
        }
        int at = c.indexOf(query);
        if (at > 0 && !Character.isLetterOrDigit(c.charAt(at - 1))) {
            return 60;
        }
        if (at > 0) {
            return 40;
        }
        int qi = 0;
        int gaps = 0;
        for (int i = 0; i < c.length() && qi < query.length(); i++) {
            if (c.charAt(i) == query.charAt(qi)) {
                qi++;
            } else if (qi > 0) {
                gaps++;
            }
        }
        return qi == query.length() ? Math.max(10, 20 - gaps) : 0;
    }

}
