package dev.drillbook.web;

import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.BacklinkContext;
import dev.drillbook.vault.LoadProgress;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.TagCount;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultProblem;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The study site's HTML pages: home, notes, folders, tags, problems, unresolved links. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SitePages {

    @Inject
    Vault vault;

    @Inject
    VaultGate gate;

    @Inject
    Explorer explorer;

    @Inject
    dev.drillbook.review.StatsService stats;

    @Inject
    AccessGuard guard;

    record FolderSummary(String name, String path, String url, int count) {
    }

    record TagNode(String name, String leaf, String url, int count, int depth) {
    }

    record HomeView(int noteCount, int tagCount, int problemCount, int linkCount, List<FolderSummary> folders,
            List<Note> rootNotes, int rootCount, List<Note> recent, List<TagCount> topTags) {
    }

    /** Notes at the vault root listed on the home page before "show all". */
    static final int HOME_ROOT_NOTES = 60;
    /** Backlinks shown with their context on first load; the rest come with "show all" (htmx). */
    static final int BACKLINK_CONTEXTS = 12;

    record NoteView(Note note, String titleId, String html, String cssClasses, List<NoteHeading> toc, List<PropertyRow> properties,
            List<BacklinkContext> backlinks, List<OutLink> outgoing, List<OutLink> unresolved, List<VaultProblem> problems,
            List<Crumb> crumbs, StudyBox study) {
    }

    /** The note's cards: how many, how well they are known, where to study them. */
    record StudyBox(int cards, int masteryPercent, String studyUrl) {
    }

    record Crumb(String name, String url) {
    }

    record FolderView(String name, String path, List<Crumb> crumbs, List<FolderSummary> folders, List<Note> notes) {
    }

    record TagView(String tag, List<TagNode> children, List<Note> notes, List<Crumb> crumbs) {
    }

    record ProblemGroup(String kind, String label, List<VaultProblem> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView view);

        static native TemplateInstance note(NoteView view);

        static native TemplateInstance folder(FolderView view);

        static native TemplateInstance tags(List<TagNode> tags);

        static native TemplateInstance tag(TagView view);

        static native TemplateInstance problems(List<ProblemGroup> groups, int total);

        static native TemplateInstance unresolved(String target, List<Note> notes);

        static native TemplateInstance loading(LoadProgress progress);

        static native TemplateInstance explorerFragment(List<Explorer.Node> explorer);

        static native TemplateInstance backlinksFragment(List<BacklinkContext> backlinks);
    }

    /** The file index: folders, notes at the top, recently changed, tags ("/" is the Today page). */
    @GET
    @Path("notes")
    @Operation(hidden = true)
    public TemplateInstance home() {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        Map<String, Integer> folderCounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Note> rootNotes = new ArrayList<>();
        int links = 0;
        for (Note note : vault.notes()) {
            links += note.links().size();
            String folder = note.folder();
            if (folder.isEmpty()) {
                rootNotes.add(note);
            } else {
                folderCounts.merge(folder.split("/")[0], 1, Integer::sum);
            }
        }
        rootNotes.sort(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER));
        int rootCount = rootNotes.size();
        if (rootNotes.size() > HOME_ROOT_NOTES) {
            rootNotes = rootNotes.subList(0, HOME_ROOT_NOTES);
        }
        List<FolderSummary> folders = folderCounts.entrySet().stream()
                .map(e -> new FolderSummary(e.getKey(), e.getKey(), folderUrl(e.getKey()), e.getValue())).toList();
        List<TagCount> topTags = vault.tags().stream().sorted(Comparator.comparingInt(TagCount::count).reversed()
                .thenComparing(TagCount::name)).limit(40).sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT))).toList();
        HomeView view = new HomeView(vault.size(), vault.tags().size(), vault.problems().size(), links, folders, rootNotes,
                rootCount, vault.recent(8), topTags);
        return Templates.home(view);
    }

    @GET
    @Path("notes/{path: .+}")
    @Operation(hidden = true)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public byte[] note(@PathParam("path") String path) {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress()).render().getBytes(StandardCharsets.UTF_8);
        }
        Note note = vault.note(path).orElseThrow(NotFoundException::new);
        // bytes, not a String: String.getBytes encodes with the JDK's vectorised fast path, several times faster
        // than the HTTP layer's character-by-character UTF-8 writer on a page of tens of kilobytes. The page itself
        // is not cached (it shows who is signed in and their study state); the note's HTML is, in the vault.
        return notePage(note).getBytes(StandardCharsets.UTF_8);
    }

    private StudyBox studyBox(Note note) {
        if (!guard.mayRead(dev.drillbook.auth.AccessPolicy.Private.MASTERY)) {
            return null; // card counts and mastery are review history: not on the public note page
        }
        double[] m = stats.noteMastery(note.path());
        return m == null ? null : new StudyBox((int) m[1], (int) Math.round(m[0] * 100),
                "/review/study?note=" + dev.drillbook.markdown.SiteUrls.encodePath(note.path()));
    }

    private String notePage(Note note) {
        Map<String, OutLink> outgoing = new LinkedHashMap<>();
        Map<String, OutLink> unresolved = new LinkedHashMap<>();
        for (NoteLink link : note.links()) {
            if (link.resolved() == null) {
                unresolved.merge(link.target().toLowerCase(Locale.ROOT), new OutLink(link.target(),
                        SiteUrls.unresolved(link.target()), null, false, 1), (a, b) -> withCount(a, a.count() + 1));
            } else if (outgoing.containsKey(link.resolved())) {
                outgoing.computeIfPresent(link.resolved(), (path, a) -> withCount(a, a.count() + 1));
            } else if (!link.resolved().equals(note.path())) {
                Optional<Note> target = vault.note(link.resolved());
                String url = target.map(Note::url).orElseGet(() -> SiteUrls.isMarkdown(link.resolved())
                        ? SiteUrls.note(link.resolved()) : SiteUrls.file(link.resolved()));
                outgoing.put(link.resolved(), new OutLink(target.map(Note::title).orElse(link.resolved()), url, link.resolved(), true, 1));
            }
        }
        List<Crumb> crumbs = crumbs(note.folder());
        String html = vault.html(note);
        List<NoteHeading> toc = note.headings();
        String titleId = null;
        if (!toc.isEmpty() && toc.get(0).level() == 1 && toc.get(0).text().equalsIgnoreCase(note.title())) {
            // The note opens with its own title as "# Title": show it once, as the page title.
            String opening = "<h1 id=\"" + toc.get(0).id() + "\">";
            int end = html.indexOf("</h1>");
            if (html.startsWith(opening) && end > 0) {
                html = html.substring(end + 5);
                titleId = toc.get(0).id();
                toc = toc.subList(1, toc.size());
            }
        }
        NoteView view = new NoteView(note, titleId, html, String.join(" ", note.cssClasses()), toc,
                PropertyRow.of(note.properties(), vault.names(), note.path()), vault.backlinkContexts(note.path(), BACKLINK_CONTEXTS),
                List.copyOf(outgoing.values()), List.copyOf(unresolved.values()), vault.problems(note), crumbs, studyBox(note));
        return Templates.note(view).render();
    }

    private static OutLink withCount(OutLink link, int count) {
        return new OutLink(link.text(), link.url(), link.path(), link.resolved(), count);
    }

    @GET
    @Path("folders")
    @Operation(hidden = true)
    public TemplateInstance rootFolder() {
        return folder("");
    }

    @GET
    @Path("folders/{path: .+}")
    @Operation(hidden = true)
    public TemplateInstance folder(@PathParam("path") String path) {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Map<String, Integer> subfolders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Note> notes = new ArrayList<>();
        String prefix = folder.isEmpty() ? "" : folder + "/";
        for (Note note : vault.notes()) {
            if (note.folder().equals(folder)) {
                notes.add(note);
            } else if (note.folder().startsWith(prefix) && !note.folder().isEmpty()) {
                subfolders.merge(note.folder().substring(prefix.length()).split("/")[0], 1, Integer::sum);
            }
        }
        if (notes.isEmpty() && subfolders.isEmpty() && !folder.isEmpty()) {
            throw new NotFoundException();
        }
        notes.sort(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER));
        List<FolderSummary> folders = subfolders.entrySet().stream().map(e -> new FolderSummary(e.getKey(),
                prefix + e.getKey(), folderUrl(prefix + e.getKey()), e.getValue())).toList();
        String name = folder.isEmpty() ? "All notes" : folder.substring(folder.lastIndexOf('/') + 1);
        return Templates.folder(new FolderView(name, folder, crumbs(VaultPathsHelper.parent(folder)), folders, notes));
    }

    @GET
    @Path("fragments/explorer")
    @Operation(hidden = true)
    public TemplateInstance explorerFragment(@QueryParam("folder") @DefaultValue("") String folder,
            @QueryParam("all") @DefaultValue("false") boolean all, @QueryParam("current") @DefaultValue("") String current) {
        gate.awaitForApi();
        return Templates.explorerFragment(explorer.children(folder, current, all));
    }

    @GET
    @Path("fragments/backlinks")
    @Operation(hidden = true)
    public TemplateInstance backlinksFragment(@QueryParam("path") @DefaultValue("") String path) {
        gate.awaitForApi();
        Note note = vault.note(path).orElseThrow(NotFoundException::new);
        return Templates.backlinksFragment(vault.backlinkContexts(note.path(), Integer.MAX_VALUE));
    }

    @GET
    @Path("tags")
    @Operation(hidden = true)
    public TemplateInstance tags() {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        return Templates.tags(tagTree(vault.tags(), null));
    }

    @GET
    @Path("tags/{tag: .+}")
    @Operation(hidden = true)
    public TemplateInstance tag(@PathParam("tag") String tag) {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        String key = Tags.key(tag);
        List<TagCount> all = vault.tags();
        TagCount self = all.stream().filter(t -> Tags.key(t.name()).equals(key)).findFirst().orElseThrow(NotFoundException::new);
        List<Crumb> crumbs = new ArrayList<>();
        List<String> chain = Tags.selfAndParents(self.name());
        for (String parent : chain.subList(0, chain.size() - 1)) {
            crumbs.add(new Crumb(parent.substring(parent.lastIndexOf('/') + 1), SiteUrls.tag(parent)));
        }
        return Templates.tag(new TagView(self.name(), tagTree(all, self.name()), vault.tagged(self.name()), crumbs));
    }

    /** Tags below {@code parent} (all tags when null), in tree order with their depth. */
    static List<TagNode> tagTree(List<TagCount> tags, String parent) {
        String prefix = parent == null ? "" : Tags.key(parent) + "/";
        int base = parent == null ? 0 : parent.split("/").length;
        return tags.stream().filter(t -> Tags.key(t.name()).startsWith(prefix))
                .sorted(Comparator.comparing(t -> Tags.key(t.name())))
                .map(t -> new TagNode(t.name(), t.name().substring(t.name().lastIndexOf('/') + 1), SiteUrls.tag(t.name()),
                        t.count(), t.name().split("/").length - 1 - base))
                .toList();
    }

    @GET
    @Path("problems")
    @Operation(hidden = true)
    public TemplateInstance problems() {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        List<VaultProblem> all = vault.problems();
        Map<String, List<VaultProblem>> byKind = new TreeMap<>();
        all.forEach(p -> byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
        List<ProblemGroup> groups = byKind.entrySet().stream()
                .map(e -> new ProblemGroup(e.getKey(), ProblemLabels.label(e.getKey()), e.getValue())).toList();
        return Templates.problems(groups, all.size());
    }

    @GET
    @Path("unresolved")
    @Operation(hidden = true)
    public TemplateInstance unresolved(@QueryParam("target") @DefaultValue("") String target) {
        if (!gate.readyForPage()) {
            return Templates.loading(vault.progress());
        }
        return Templates.unresolved(target, vault.linkingToMissing(target));
    }

    private static String folderUrl(String folder) {
        return "/folders/" + SiteUrls.encodePath(folder);
    }

    private static List<Crumb> crumbs(String folder) {
        List<Crumb> crumbs = new ArrayList<>();
        if (folder.isEmpty()) {
            return crumbs;
        }
        StringBuilder path = new StringBuilder();
        for (String part : folder.split("/")) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(part);
            crumbs.add(new Crumb(part, folderUrl(path.toString())));
        }
        return crumbs;
    }

    /** Folder helpers for page paths. */
    static final class VaultPathsHelper {
        private VaultPathsHelper() {
        }

        static String parent(String folder) {
            int slash = folder.lastIndexOf('/');
            return slash < 0 ? "" : folder.substring(0, slash);
        }
    }
}
