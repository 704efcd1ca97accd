package dev.drillbook.vault;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.SourceRange;
import dev.drillbook.markdown.tag.Tags;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The live vault: the notes of the notes folder, their links, backlinks, tags and problems, kept up to date as files
 * change. It starts from what the vault index stored at the last stop ({@link #open}), reads what changed on disk
 * since ({@link #catchUp}), then follows the folder ({@link #watch}). Changes are applied one at a time; pages read
 * concurrently. A note's HTML is rendered when first asked for and cached per revision of the note, so rendering a
 * page never changes the vault.
 */
@ApplicationScoped
public class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class);

    /** Backlinks of a note show at most this many paragraphs of each linking note. */
    private static final int CONTEXTS_PER_NOTE = 3;

    /** Problem kind of a note shown as text because it could not be rendered in time. */
    public static final String RENDER_FAILED = "render-failed";

    @Inject
    DrillbookConfig config;

    @Inject
    ObsidianMarkdown markdown;

    @Inject
    ManagedExecutor executor;

    @Inject
    @Any
    Instance<ProblemSource> problemSources;

    @Inject
    @CacheName("note-html")
    Cache html;

    private final VaultModel model = new VaultModel();
    private final CountDownLatch loaded = new CountDownLatch(1);
    /** Live changes wait for the start-up reading, so that an older read of a file never overwrites a newer one. */
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicInteger readDone = new AtomicInteger();
    private final AtomicInteger readTotal = new AtomicInteger();
    private final List<VaultProblem> vaultProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, RenderProblem> renderProblems = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long readMillis;
    private volatile double lastChangeMillis;
    private volatile Path root;
    private volatile Derived derived = new Derived(-1, List.of(), List.of());
    /** The files found when the vault was opened; {@link #catchUp} reads those that changed. */
    private Map<Path, BasicFileAttributes> listed = Map.of();
    private NoteBuilder builder;
    private EmbedComposer composer;
    private DirectoryWatcher watcher;

    /** A note whose rendering failed or ran past the deadline, at the revision that did. */
    private record RenderProblem(long revision, VaultProblem problem) {
    }

    private record Derived(long version, List<TagCount> tags, List<VaultProblem> problems) {
    }

    /** What a note's HTML is cached under: one revision of one note, whole ({@code part == null}) or a part of it. */
    private record HtmlKey(String path, long revision, String part) {
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
    }

    // ---------------------------------------------------------------- keeping up with the folder

    /**
     * Opens the vault in {@code dir} with the notes stored in the vault index at the last stop: they are browsable
     * at once. Lists the folder (its attachments join the vault now; {@link #catchUp} reads the notes that changed).
     *
     * @return the notes the vault starts with
     */
    public synchronized VaultChanged open(Path dir, Collection<NoteContent> stored) {
        root = dir.toAbsolutePath().normalize();
        builder = new NoteBuilder(markdown, config.vault().maxNoteSize());
        composer = new EmbedComposer(this::note, this::template, this::section, config.vault().embedDepth());
        List<String> attachments = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            vaultProblems.add(new VaultProblem("", "missing-vault", "The notes folder " + root
                    + " does not exist. Set drillbook.notes-dir (or DRILLBOOK_NOTES_DIR) to your vault.", null));
            LOG.errorf("Notes folder %s does not exist; the site will be empty", root);
        } else {
            try {
                listed = list(root);
                listed.keySet().stream().filter(f -> !SiteUrls.isMarkdown(f.toString()))
                        .forEach(f -> attachments.add(VaultPaths.relative(root, f)));
            } catch (IOException e) {
                vaultProblems.add(new VaultProblem("", MarkdownProblem.UNREADABLE, "Listing the notes folder failed: "
                        + e.getMessage(), null));
            }
        }
        VaultChanged change = model.update(stored, List.of(), attachments, List.of(), true).orElseThrow();
        if (!stored.isEmpty()) {
            loaded.countDown();
        }
        return change;
    }

    /**
     * Reads the notes that are new or changed on disk since the vault index was written, drops those that are gone,
     * and hands that change to {@code listener}. On a first open (nothing stored) that is every note; the vault is
     * browsable once it is done, and the status says caught up once the listener has taken the change in.
     */
    public void catchUp(Consumer<VaultChanged> listener) {
        long started = System.nanoTime();
        try {
            List<Map.Entry<Path, NoteContent>> toRead = new ArrayList<>();
            Set<String> onDisk = new HashSet<>();
            for (Map.Entry<Path, BasicFileAttributes> file : listed.entrySet()) {
                if (SiteUrls.isMarkdown(file.getKey().toString())) {
                    String path = VaultPaths.relative(root, file.getKey());
                    onDisk.add(path);
                    Optional<Note> known = model.note(path);
                    if (known.isEmpty() || known.get().content().hash().isEmpty() || stale(known.get(), file.getKey())) {
                        toRead.add(new java.util.AbstractMap.SimpleImmutableEntry<>(file.getKey(),
                                known.map(Note::content).orElse(null)));
                    }
                }
            }
            readTotal.set(toRead.size());
            readDone.set(0);
            List<NoteContent> read = readAll(toRead);
            Optional<VaultChanged> change;
            synchronized (this) {
                List<String> gone = model.paths().stream()
                        .filter(p -> !onDisk.contains(p) && !Files.exists(root.resolve(p))).toList();
                change = model.update(read, gone, List.of(), List.of(), false);
                readMillis = (System.nanoTime() - started) / 1_000_000;
                LOG.infof("Vault %s: %d notes, %d attachments; %d read (%d changed), %d gone in %d ms", root,
                        model.paths().size(), model.attachments().size(), read.size(),
                        change.map(c -> c.changed().size()).orElse(0), gone.size(), readMillis);
            }
            change.ifPresent(listener); // before live batches and before the status says caught up
        } finally {
            listed = Map.of();
            loaded.countDown();
            caughtUp.countDown();
        }
    }

    /**
     * Follows the folder from now on: every batch of file changes is applied and handed to {@code listener}. Batches
     * wait until {@link #catchUp} is done.
     */
    public void watch(Consumer<VaultChanged> listener) {
        if (!config.vault().watch() || root == null || !Files.isDirectory(root)) {
            return;
        }
        try {
            watcher = new DirectoryWatcher(root, config.vault().debounce(),
                    batch -> afterCatchUp(() -> apply(batch).ifPresent(listener)),
                    () -> afterCatchUp(() -> rescan().ifPresent(listener)));
            watcher.start("notes");
        } catch (IOException e) {
            LOG.warnf("Cannot watch %s for changes (%s); restart to see edits", root, e.getMessage());
        }
    }

    private void afterCatchUp(Runnable task) {
        try {
            caughtUp.await();
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stale(Note note, Path file) {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            return note.content().staleAgainst(now.size(), now.lastModifiedTime().toInstant());
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    /** Reads and parses files (each with what the index knew of it, or null) on every core. */
    private List<NoteContent> readAll(List<Map.Entry<Path, NoteContent>> files) {
        NoteContent[] out = new NoteContent[files.size()];
        List<Integer> indexes = java.util.stream.IntStream.range(0, files.size()).boxed().toList();
        Parallel.forEach(executor, indexes, i -> {
            out[i] = builder.read(root, files.get(i).getKey(), files.get(i).getValue());
            readDone.incrementAndGet();
        });
        return List.of(out);
    }

    /** Applies a batch of touched files (absolute paths): read again, added, or gone with everything under them. */
    synchronized Optional<VaultChanged> apply(Set<Path> touched) {
        long started = System.nanoTime();
        List<NoteContent> read = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        Set<String> attachmentsAdded = new HashSet<>();
        Set<String> attachmentsGone = new HashSet<>();
        for (Path file : touched) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(root) || absolute.equals(root) || VaultPaths.hidden(root.relativize(absolute))) {
                continue;
            }
            String path = VaultPaths.relative(root, absolute);
            if (Files.isDirectory(absolute)) {
                continue;
            }
            if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String prefix = path + "/";
                model.paths().stream().filter(p -> p.equals(path) || p.startsWith(prefix)).forEach(gone::add);
                model.attachments().stream().filter(p -> p.equals(path) || p.startsWith(prefix)).forEach(attachmentsGone::add);
            } else if (SiteUrls.isMarkdown(path)) {
                read.add(builder.read(root, absolute, model.note(path).map(Note::content).orElse(null)));
            } else if (!model.hasAttachment(path)) {
                attachmentsAdded.add(path);
            }
        }
        Optional<VaultChanged> change = model.update(read, gone, attachmentsAdded, attachmentsGone, false);
        if (change.isPresent()) {
            lastChangeMillis = (System.nanoTime() - started) / 1e6;
            LOG.debugf("Vault change applied in %.1f ms: %s", lastChangeMillis, change.get());
        }
        return change;
    }

    /** After a watcher overflow: compare disk with memory and apply the difference. */
    private Optional<VaultChanged> rescan() {
        try {
            Set<Path> all = new HashSet<>(list(root).keySet());
            model.paths().forEach(p -> all.add(root.resolve(p)));
            model.attachments().forEach(p -> all.add(root.resolve(p)));
            return apply(all);
        } catch (IOException e) {
            LOG.warnf("Rescanning the vault failed: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Applies the current state of the given files now (tests, and callers that just wrote a file). */
    public Optional<VaultChanged> refresh(Collection<Path> files) {
        return apply(Set.copyOf(files));
    }

    /** Every file of the vault outside hidden folders, with its attributes, sorted by path. */
    static Map<Path, BasicFileAttributes> list(Path root) throws IOException {
        Map<Path, BasicFileAttributes> files = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && VaultPaths.hidden(root.relativize(dir)) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (VaultPaths.hidden(root.relativize(file))) {
                    return FileVisitResult.CONTINUE;
                }
                // A linked file is read through its link (and refused if it leads out of the vault); a broken or
                // looping link to a note is listed, so that it is reported.
                if (attrs.isRegularFile() || (attrs.isSymbolicLink() && (Files.isRegularFile(file)
                        || (SiteUrls.isMarkdown(file.toString()) && !Files.isDirectory(file))))) {
                    files.put(file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (SiteUrls.isMarkdown(file.toString())) {
                    files.put(file, null);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    // ---------------------------------------------------------------- reading

    public boolean awaitLoaded(Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public LoadProgress progress() {
        return new LoadProgress(loaded.getCount() == 0, caughtUp.getCount() > 0, readDone.get(), readTotal.get(), readMillis);
    }

    /** How long the last change batch took to apply (read, parse, re-link), in milliseconds. */
    public double lastChangeMillis() {
        return lastChangeMillis;
    }

    public long version() {
        return model.version();
    }

    public Path root() {
        return root;
    }

    /** The link resolution of this vault, for rendering Markdown that lives elsewhere (cards, drills). */
    public NameIndex names() {
        return model.names();
    }

    public Collection<Note> notes() {
        return model.notes();
    }

    public int size() {
        return model.paths().size();
    }

    /** A note by vault path, with or without {@code .md}; never anything outside the vault. */
    public Optional<Note> note(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Optional<Note> direct = model.note(path);
        if (direct.isPresent()) {
            return direct;
        }
        return VaultPaths.normalize(path).flatMap(p -> model.note(p).or(() -> model.note(p + ".md")));
    }

    /** Resolves link-style text (a title, a name, an alias) to a note. */
    public Optional<Note> find(String text) {
        Optional<Note> byPath = note(text);
        if (byPath.isPresent()) {
            return byPath;
        }
        String resolved = model.names().resolve(text, null).path();
        return resolved == null ? Optional.empty() : note(resolved);
    }

    /** The note's rendered body with embed slots; rendered on first use, then cached for this revision of the note. */
    public HtmlTemplate template(Note note) {
        return cached(new HtmlKey(note.path(), note.revision(), null),
                () -> render(note, note.facts().source(), "the note"));
    }

    /** A heading section or block of a note ({@code anchorId} as {@link AnchorIds#anchor} gives it), for embeds. */
    public HtmlTemplate section(Note note, String anchorId) {
        SourceRange range = note.facts().anchors().get(anchorId);
        if (range == null) {
            return template(note);
        }
        return cached(new HtmlKey(note.path(), note.revision(), anchorId),
                () -> render(note, note.facts().source().substring(range.start(), range.end()), "this part"));
    }

    private HtmlTemplate cached(HtmlKey key, java.util.function.Supplier<HtmlTemplate> render) {
        return html.get(key, k -> render.get()).await().indefinitely();
    }

    /**
     * Renders Markdown of a note on the managed executor, waiting at most {@code drillbook.vault.render-timeout}: a
     * note that fails to render (any error, a stack overflow included) or takes longer is shown as its text, and
     * reported on the problems page. The result is cached for this revision, so a slow note costs one render, and
     * the request threads of other pages never wait for it.
     */
    private HtmlTemplate render(Note note, String source, String what) {
        java.util.concurrent.CompletableFuture<HtmlTemplate> rendering =
                executor.supplyAsync(() -> markdown.html(source, note.path(), model.names(), true));
        Duration timeout = config.vault().renderTimeout();
        try {
            HtmlTemplate out = rendering.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            renderProblems.remove(note.path());
            return out;
        } catch (java.util.concurrent.TimeoutException e) {
            rendering.cancel(true);
            return unrendered(note, source, what, String.format(Locale.ROOT,
                    "Rendering took longer than %d ms (drillbook.vault.render-timeout), so the text is shown as written.",
                    timeout.toMillis()));
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof VirtualMachineError fatal && !(cause instanceof StackOverflowError)
                    && !(cause instanceof OutOfMemoryError)) {
                throw fatal;
            }
            LOG.warnf("Rendering %s failed: %s", note.path(), cause);
            return unrendered(note, source, what, "Rendering failed (" + cause.getClass().getSimpleName()
                    + "), so the text is shown as written.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rendering.cancel(true);
            throw new IllegalStateException("Interrupted while rendering " + note.path(), e);
        }
    }

    private HtmlTemplate unrendered(Note note, String source, String what, String reason) {
        renderProblems.put(note.path(), new RenderProblem(note.revision(),
                new VaultProblem(note.path(), RENDER_FAILED, reason, null)));
        return HtmlTemplate.of("<p class=\"render-failed\">" + EmbedComposer.escape("Drillbook could not render "
                + what + "; its text is shown as written.") + "</p><pre class=\"plain-note\">"
                + EmbedComposer.escape(source) + "</pre>");
    }

    /** Render problems of notes at their current revision (an edit gets a new chance). */
    private List<VaultProblem> renderProblems() {
        List<VaultProblem> out = new ArrayList<>();
        renderProblems.forEach((path, p) -> model.note(path).filter(n -> n.revision() == p.revision())
                .ifPresent(n -> out.add(p.problem())));
        return out;
    }

    /** The note's HTML with every embed filled in. */
    public String html(Note note) {
        return composer.compose(note);
    }

    /** Notes linking to {@code path}, sorted by path. */
    public List<String> backlinks(String path) {
        return model.backlinks(path);
    }

    /** Notes linking here with the paragraph around each link; past {@code withContext} notes, titles only. */
    public List<BacklinkContext> backlinkContexts(String path, int withContext) {
        List<BacklinkContext> out = new ArrayList<>();
        for (String sourcePath : backlinks(path)) {
            Optional<Note> source = model.note(sourcePath);
            if (source.isEmpty()) {
                continue;
            }
            Note note = source.get();
            List<String> snippets = out.size() < withContext ? contexts(note, path) : List.of();
            out.add(new BacklinkContext(note.path(), note.title(), note.url(), snippets));
        }
        return out;
    }

    private List<String> contexts(Note source, String target) {
        List<String> seen = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (NoteLink link : source.links()) {
            String context = link.ref().context(source.facts().source());
            if (target.equals(link.resolved()) && !context.isEmpty() && !seen.contains(context)) {
                seen.add(context);
                out.add(markTarget(cached(new HtmlKey(source.path(), source.revision(), "context:" + context),
                        () -> HtmlTemplate.of(markdown.renderFragment(context, source.path(), model.names()))).withoutEmbeds(),
                        target));
                if (out.size() == CONTEXTS_PER_NOTE) {
                    break;
                }
            }
        }
        return out;
    }

    /** The links of a backlink's paragraph that point at the note being shown get a class, to stand out as marks do. */
    private static String markTarget(String html, String target) {
        String href = "href=\"" + EmbedComposer.escape(SiteUrls.note(target));
        return html.replace(href + "\" class=\"internal-link\"", href + "\" class=\"internal-link backlink-target\"")
                .replaceAll(java.util.regex.Pattern.quote(href) + "(#[^\"]*)\" class=\"internal-link\"",
                        java.util.regex.Matcher.quoteReplacement(href) + "$1\" class=\"internal-link backlink-target\"");
    }

    /** Notes with an unresolved link whose target is {@code target} (case-insensitive). */
    public List<Note> linkingToMissing(String target) {
        String key = target.strip();
        return model.notes().stream()
                .filter(n -> n.links().stream().anyMatch(l -> l.resolved() == null && l.target().equalsIgnoreCase(key)))
                .sorted(Comparator.comparing(Note::path)).toList();
    }

    /** An attachment (any non-note file) inside the vault; empty for anything else. */
    public Optional<Path> attachment(String path) {
        return VaultPaths.normalize(path).filter(model::hasAttachment).map(p -> root.resolve(p).normalize())
                .filter(p -> p.startsWith(root)).filter(p -> {
                    try {
                        return p.toRealPath().startsWith(root.toRealPath());
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public List<Note> recent(int limit) {
        return model.notes().stream().sorted(Comparator.comparing(Note::modified).reversed().thenComparing(Note::path))
                .limit(limit).toList();
    }

    /** Notes with {@code tag} or one of its nested tags. */
    public List<Note> tagged(String tag) {
        String key = Tags.key(tag);
        return model.notes().stream().filter(n -> n.hasTag(key))
                .sorted(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Every tag with its note count (a nested tag also counts for its parents), first spelling seen. */
    public List<TagCount> tags() {
        return derived().tags();
    }

    /** Reports a problem of the vault as a whole (its index, its folder), shown on the problems page. */
    public void report(VaultProblem problem) {
        vaultProblems.add(problem);
    }

    /** Everything wrong in the vault, and in card and drill files, sorted by file and line. */
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>(derived().problems());
        all.addAll(vaultProblems);
        all.addAll(renderProblems());
        for (ProblemSource source : problemSources) {
            all.addAll(source.problems());
        }
        all.sort(Comparator.comparing(VaultProblem::path).thenComparing(p -> p.line() == null ? 0 : p.line()));
        return all;
    }

    /** Problems of one note: its file and Markdown, broken or ambiguous links and anchors, embed cycles. */
    public List<VaultProblem> problems(Note note) {
        List<VaultProblem> out = new ArrayList<>(model.problems(note, config.vault().embedDepth()));
        RenderProblem failed = renderProblems.get(note.path());
        if (failed != null && failed.revision() == note.revision()) {
            out.add(failed.problem());
        }
        return out;
    }

    private Derived derived() {
        Derived current = derived;
        long v = model.version();
        if (current.version() == v) {
            return current;
        }
        synchronized (model) {
            if (derived.version() == v) {
                return derived;
            }
            List<Note> sorted = model.notes().stream().sorted(Comparator.comparing(Note::path)).toList();
            Map<String, String> spelling = new LinkedHashMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            List<VaultProblem> problems = new ArrayList<>();
            for (Note note : sorted) {
                Set<String> counted = new HashSet<>();
                for (String tag : note.tags()) {
                    for (String t : Tags.selfAndParents(tag)) {
                        String key = Tags.key(t);
                        spelling.putIfAbsent(key, t);
                        if (counted.add(key)) {
                            counts.merge(key, 1, Integer::sum);
                        }
                    }
                }
                problems.addAll(model.problems(note, config.vault().embedDepth()));
            }
            List<TagCount> tags = counts.entrySet().stream().map(e -> new TagCount(spelling.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT))).toList();
            derived = new Derived(v, tags, List.copyOf(problems));
            return derived;
        }
    }
}
