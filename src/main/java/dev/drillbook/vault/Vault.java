package dev.drillbook.vault;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.tag.Tags;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live vault: every note read and rendered once at start (in parallel, off the startup path), then kept up to
 * date file by file as the folder changes. All writes happen on one writer thread; readers see concurrent maps
 * that are updated in place, so a page is served from memory while a change is being applied.
 */
@ApplicationScoped
public class Vault {

    private static final Logger LOG = Logger.getLogger(Vault.class);

    @Inject
    DrillbookConfig config;

    @Inject
    Event<VaultChanged> changes;

    @Inject
    @Any
    Instance<ProblemSource> problemSources;

    private final NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown(), this::factsCorrected);
    private final NameIndex names = new NameIndex();
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private final Set<String> attachments = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> backlinks = new ConcurrentHashMap<>();
    /** Link key (lower-cased file name or alias text) → notes whose links use it: who to re-render when names change. */
    private final Map<String, Set<String>> referrers = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AtomicInteger loadDone = new AtomicInteger();
    private final AtomicInteger loadTotal = new AtomicInteger();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drillbook-vault");
        t.setDaemon(true);
        return t;
    });
    private final List<VaultProblem> vaultProblems = new ArrayList<>();
    private volatile long loadMillis;
    private volatile double lastChangeMillis;
    private volatile boolean prerendered;
    private volatile Path root;
    private volatile Derived derived = new Derived(-1, List.of(), List.of());
    private DirectoryWatcher watcher;
    private EmbedComposer composer;

    private record Derived(long version, List<TagCount> tags, List<VaultProblem> problems) {
    }

    /** One Markdown file as read from disk: its front matter and rest, or why it could not be read. */
    record Source(String path, FrontMatter frontMatter, Instant modified, long size, String error,
            List<MarkdownProblem> problems) {
    }

    /** First of all start-up work: everything else (drills, grading, sign-in) can wait, the site cannot. */
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        start(config.notesDir());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
        writer.shutdownNow();
    }

    /** Reads the vault at {@code dir} in the background; pages wait for it via {@link #awaitLoaded}. */
    void start(Path dir) {
        root = dir.toAbsolutePath().normalize();
        EarlyRead.corrections = this::factsCorrected;
        composer = new EmbedComposer(this::note, this::section,
                config.vault().embedDepth());
        writer.submit(this::initialLoad);
    }

    private void initialLoad() {
        long started = System.nanoTime();
        try {
            if (!Files.isDirectory(root)) {
                synchronized (vaultProblems) {
                    vaultProblems.add(new VaultProblem("", "missing-vault", "The notes folder " + root
                            + " does not exist. Set drillbook.notes-dir (or DRILLBOOK_NOTES_DIR) to your vault.", null));
                }
                LOG.errorf("Notes folder %s does not exist; the site will be empty", root);
                return;
            }
            startWatching();
            // Started while Quarkus was booting, if it was for this folder (see EarlyRead); the watcher runs from here
            // on, and what changed on disk before it started is read again below.
            EarlyRead.Result early = EarlyRead.take(root);
            List<Path> files = listFiles(root);
            List<Path> markdown = files.stream().filter(f -> SiteUrls.isMarkdown(f.toString())).toList();
            loadTotal.set(markdown.size());
            List<Source> sources = early == null ? markdown.parallelStream().map(this::read).toList()
                    : early.upToDate(markdown);
            attachments.addAll(addNames(names, root, files, sources));
            Map<String, Note> built = early == null ? null : early.notesIfUnchanged(files, sources);
            if (built != null) {
                early.resolveWith(names);
                notes.putAll(built);
                loadDone.set(built.size());
            } else {
                sources.parallelStream().forEach(source -> {
                    notes.put(source.path(), build(source));
                    loadDone.incrementAndGet();
                });
            }
            notes.values().forEach(this::indexLinks);
            loadMillis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("Vault %s: %d notes and %d attachments read in %d ms%s", root, notes.size(), attachments.size(), loadMillis,
                    early == null ? "" : " (the files read while the app was starting)");
        } catch (IOException | RuntimeException e) {
            LOG.error("Reading the vault failed", e);
            synchronized (vaultProblems) {
                vaultProblems.add(new VaultProblem("", MarkdownProblem.UNREADABLE, "Reading the vault failed: " + e.getMessage(), null));
            }
        } finally {
            long v = version.incrementAndGet();
            loaded.countDown();
            changes.fire(new VaultChanged(Set.copyOf(notes.keySet()), Set.of(), v, true));
        }
    }

    /**
     * After the first load and after every other observer (the search index, the graph) is done with it — a late
     * priority — render every note's HTML once in the background, so pages are served from memory without
     * competing for the CPU with indexing.
     */
    void prerenderAfterFirstLoad(@Observes @jakarta.annotation.Priority(5000) VaultChanged change) {
        if (change.initial()) {
            prerender();
        }
    }

    /**
     * Renders every note's HTML once, and cuts the sentence around each of its links for the backlinks of the notes
     * it links to, in the background on one thread, so pages are served from memory.
     */
    private void prerender() {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            int count = 0;
            for (Note note : List.copyOf(notes.values())) {
                if (!note.html().rendered()) {
                    try {
                        note.template();
                        BacklinkContext.warm(note);
                        count++;
                    } catch (RuntimeException e) {
                        LOG.warnf("Rendering %s failed: %s", note.path(), e.getMessage());
                    }
                }
            }
            prerendered = true;
            LOG.infof("Pre-rendered %d notes in %d ms", count, (System.nanoTime() - started) / 1_000_000);
        }, "drillbook-prerender");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void startWatching() {
        if (!config.vault().watch() || !Files.isDirectory(root)) {
            return;
        }
        try {
            watcher = new DirectoryWatcher(root, config.vault().debounce(),
                    batch -> submit(() -> apply(batch)), () -> submit(this::rescan));
            watcher.start("notes");
        } catch (IOException e) {
            LOG.warnf("Cannot watch %s for changes (%s); restart to see edits", root, e.getMessage());
        }
    }

    private void submit(Runnable task) {
        try {
            writer.submit(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Applying vault changes failed", e);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("Applying vault changes failed", e.getCause());
        }
    }

    static List<Path> listFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && VaultPaths.hidden(root.relativize(dir))
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (VaultPaths.hidden(root.relativize(file))) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    files.add(file);
                } else if (attrs.isSymbolicLink()) {
                    // A linked file is read through its link; a broken or looping link to a note is reported.
                    if (Files.isRegularFile(file) || (SiteUrls.isMarkdown(file.toString()) && !Files.isDirectory(file))) {
                        files.add(file);
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException exc) {
                if (SiteUrls.isMarkdown(file.toString())) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private Source read(Path file) {
        return read(root, file);
    }

    static Source read(Path root, Path file) {
        String path = VaultPaths.relative(root, file);
        Instant modified = Instant.EPOCH;
        long size = 0;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            modified = attrs.lastModifiedTime().toInstant();
            size = attrs.size();
            byte[] bytes = Files.readAllBytes(file);
            List<MarkdownProblem> problems = new ArrayList<>();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.UTF_8);
                problems.add(new MarkdownProblem(MarkdownProblem.UNREADABLE,
                        "The file is not valid UTF-8; characters that could not be decoded show as \ufffd. "
                                + "Re-save it as UTF-8.", null));
            }
            return new Source(path, NoteBuilder.frontMatter(text), modified, size, null, problems);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Source(path, FrontMatter.none(""), modified, size,
                    "The file could not be read (" + reason + ").", List.of());
        }
    }

    /**
     * Names every file can be linked by: attachments by path, notes by path and aliases, in this order (the order
     * decides which of two notes of the same name a link finds). Returns the attachments' paths.
     */
    static List<String> addNames(NameIndex names, Path root, List<Path> files, List<Source> sources) {
        List<String> attachments = new ArrayList<>();
        for (Path file : files) {
            if (!SiteUrls.isMarkdown(file.toString())) {
                String path = VaultPaths.relative(root, file);
                attachments.add(path);
                names.add(path, List.of());
            }
        }
        for (Source source : sources) {
            names.add(source.path(), source.frontMatter().aliases());
        }
        return attachments;
    }

    static Note build(NoteBuilder builder, LinkTargets names, Source source) {
        if (source.error() != null) {
            return builder.unreadable(source.path(), source.error(), source.modified());
        }
        return builder.build(source.path(), source.frontMatter(), source.modified(), source.size(), names, source.problems());
    }

    private Note build(Source source) {
        return build(builder, names, source);
    }

    /**
     * Rendering a note found other links, tags or headings than the fast scan (exotic Markdown): use the rendered
     * ones. Applied on the writer thread, and only if the note has not changed meanwhile.
     */
    private void factsCorrected(String path, dev.drillbook.markdown.RenderedMarkdown rendered) {
        writer.submit(() -> {
            Note current = notes.get(path);
            if (current != null && current.rendered().source().equals(rendered.source())) {
                LOG.debugf("Facts of %s corrected from rendering", path);
                replace(path, current.withRendered(rendered, LazyHtml.of(rendered.html())));
                changes.fire(new VaultChanged(Set.of(path), Set.of(), version.incrementAndGet(), false));
            }
        });
    }

    private void indexLinks(Note note) {
        for (NoteLink link : note.links()) {
            if (link.resolved() != null && !link.resolved().equals(note.path())) {
                backlinks.computeIfAbsent(link.resolved(), k -> ConcurrentHashMap.newKeySet()).add(note.path());
            }
            if (!link.target().isEmpty()) {
                referrers.computeIfAbsent(NameIndex.linkKey(link.target()), k -> ConcurrentHashMap.newKeySet()).add(note.path());
                referrers.computeIfAbsent(link.target().toLowerCase(Locale.ROOT), k -> ConcurrentHashMap.newKeySet()).add(note.path());
            }
        }
    }

    private void unindexLinks(Note note) {
        for (NoteLink link : note.links()) {
            if (link.resolved() != null) {
                Set<String> sources = backlinks.get(link.resolved());
                if (sources != null) {
                    sources.remove(note.path());
                }
            }
            if (!link.target().isEmpty()) {
                Optional.ofNullable(referrers.get(NameIndex.linkKey(link.target()))).ifPresent(s -> s.remove(note.path()));
                Optional.ofNullable(referrers.get(link.target().toLowerCase(Locale.ROOT))).ifPresent(s -> s.remove(note.path()));
            }
        }
    }

    /** Applies a batch of touched files (absolute paths) on the writer thread. */
    void apply(Set<Path> touched) {
        long started = System.nanoTime();
        Set<String> changed = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        Set<String> affectedKeys = new HashSet<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Path file : touched) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!absolute.startsWith(root) || absolute.equals(root) || VaultPaths.hidden(root.relativize(absolute))) {
                continue;
            }
            String path = VaultPaths.relative(root, absolute);
            if (Files.isDirectory(absolute)) {
                continue;
            }
            if (!Files.exists(absolute)) {
                removeUnder(path, removed, affectedKeys);
            } else if (SiteUrls.isMarkdown(path)) {
                Source source = read(absolute);
                Note old = notes.get(path);
                List<String> aliases = source.frontMatter().aliases();
                if (old == null || !old.aliases().equals(aliases)) {
                    affectedKeys.addAll(names.keys(path, aliases));
                    if (old != null) {
                        affectedKeys.addAll(names.keys(path, old.aliases()));
                    }
                }
                names.add(path, aliases);
                sources.put(path, source);
            } else if (attachments.add(path)) {
                names.add(path, List.of());
                affectedKeys.addAll(names.keys(path, List.of()));
            }
        }
        for (Source source : sources.values()) {
            replace(source.path(), build(source));
            changed.add(source.path());
        }
        for (String key : affectedKeys) {
            for (String referrer : List.copyOf(referrers.getOrDefault(key, Set.of()))) {
                if (!changed.contains(referrer) && notes.containsKey(referrer)) {
                    replace(referrer, build(read(root.resolve(referrer))));
                    changed.add(referrer);
                }
            }
        }
        if (changed.isEmpty() && removed.isEmpty() && affectedKeys.isEmpty()) {
            return;
        }
        long v = version.incrementAndGet();
        lastChangeMillis = (System.nanoTime() - started) / 1e6;
        LOG.debugf("Vault change applied in %.1f ms: %s changed, %s removed", lastChangeMillis, changed, removed);
        changes.fire(new VaultChanged(Set.copyOf(changed), Set.copyOf(removed), v, false));
    }

    private void replace(String path, Note note) {
        Note old = notes.put(path, note);
        if (old != null) {
            unindexLinks(old);
        }
        indexLinks(note);
    }

    private void removeUnder(String path, Set<String> removed, Set<String> affectedKeys) {
        String prefix = path + "/";
        for (String notePath : List.copyOf(notes.keySet())) {
            if (notePath.equals(path) || notePath.startsWith(prefix)) {
                Note old = notes.remove(notePath);
                if (old != null) {
                    unindexLinks(old);
                    affectedKeys.addAll(names.keys(notePath, old.aliases()));
                    names.remove(notePath);
                    removed.add(notePath);
                }
            }
        }
        for (String file : List.copyOf(attachments)) {
            if (file.equals(path) || file.startsWith(prefix)) {
                attachments.remove(file);
                names.remove(file);
                affectedKeys.addAll(names.keys(file, List.of()));
            }
        }
    }

    /** After a watcher overflow: compare disk with memory and apply the difference. */
    private void rescan() {
        try {
            Set<Path> all = new HashSet<>(listFiles(root));
            notes.keySet().forEach(p -> all.add(root.resolve(p)));
            attachments.forEach(p -> all.add(root.resolve(p)));
            apply(all);
        } catch (IOException e) {
            LOG.warnf("Rescanning the vault failed: %s", e.getMessage());
        }
    }

    /** Applies pending changes to the given files now (tests, and callers that just wrote a file). */
    public void refresh(Collection<Path> files) {
        submit(() -> apply(Set.copyOf(files)));
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
        return new LoadProgress(loaded.getCount() == 0, loadDone.get(), loadTotal.get(), loadMillis);
    }

    /** True once every note's HTML has been rendered in the background after the first load. */
    public boolean prerendered() {
        return prerendered;
    }

    /** How long the last change batch took to apply (read, re-render, re-link), in milliseconds. */
    public double lastChangeMillis() {
        return lastChangeMillis;
    }

    public long version() {
        return version.get();
    }

    public Path root() {
        return root;
    }

    /** The link resolution of this vault, for rendering Markdown that lives elsewhere (cards, drills). */
    public NameIndex names() {
        return names;
    }

    public Collection<Note> notes() {
        return notes.values();
    }

    public int size() {
        return notes.size();
    }

    /** A note by vault path, with or without {@code .md}; never anything outside the vault. */
    public Optional<Note> note(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Note direct = notes.get(path);
        if (direct != null) {
            return Optional.of(direct);
        }
        return VaultPaths.normalize(path).map(p -> {
            Note note = notes.get(p);
            return note != null ? note : notes.get(p + ".md");
        });
    }

    /** Resolves link-style text (a title, a name, an alias) to a note. */
    public Optional<Note> find(String text) {
        Optional<Note> byPath = note(text);
        if (byPath.isPresent()) {
            return byPath;
        }
        String resolved = names.resolve(text, null).path();
        return resolved == null ? Optional.empty() : note(resolved);
    }

    /** A heading section or block of a note, rendered (and kept with the note); see {@link EmbedComposer}. */
    public dev.drillbook.markdown.HtmlTemplate section(Note note, String anchorId) {
        dev.drillbook.markdown.SourceRange range = note.rendered().anchors().get(anchorId);
        if (range == null) {
            return note.template();
        }
        return note.sectionCache().computeIfAbsent(anchorId, k -> builder.renderPart(note,
                note.rendered().source().substring(range.start(), range.end()), names));
    }

    /** The note's HTML with every embed filled in. */
    public String html(Note note) {
        return composer.compose(note);
    }

    /** Notes linking to {@code path}, sorted by path. */
    public List<String> backlinks(String path) {
        return backlinks.getOrDefault(path, Set.of()).stream().filter(notes::containsKey).sorted().toList();
    }

    /** Notes linking here with the sentence around each link; past {@code withContext} notes, titles only. */
    public List<BacklinkContext> backlinkContexts(String path, int withContext) {
        List<BacklinkContext> out = new ArrayList<>();
        for (String source : backlinks(path)) {
            Note note = notes.get(source);
            if (note != null) {
                out.add(out.size() < withContext ? BacklinkContext.of(note, path)
                        : new BacklinkContext(note.path(), note.title(), note.url(), List.of()));
            }
        }
        return out;
    }

    /** Notes with an unresolved link whose target is {@code target} (case-insensitive). */
    public List<Note> linkingToMissing(String target) {
        String key = target.strip();
        return notes.values().stream()
                .filter(n -> n.links().stream().anyMatch(l -> l.resolved() == null && l.target().equalsIgnoreCase(key)))
                .sorted(Comparator.comparing(Note::path)).toList();
    }

    /** An attachment (any non-note file) inside the vault; empty for anything else. */
    public Optional<Path> attachment(String path) {
        return VaultPaths.normalize(path).filter(attachments::contains).map(p -> root.resolve(p).normalize())
                .filter(p -> p.startsWith(root)).filter(p -> {
                    try {
                        return p.toRealPath().startsWith(root.toRealPath());
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public List<Note> recent(int limit) {
        return notes.values().stream().sorted(Comparator.comparing(Note::modified).reversed().thenComparing(Note::path))
                .limit(limit).toList();
    }

    /** Notes with {@code tag} or one of its nested tags. */
    public List<Note> tagged(String tag) {
        String key = Tags.key(tag);
        return notes.values().stream().filter(n -> n.hasTag(key)).sorted(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** Every tag with its note count (a nested tag also counts for its parents), first spelling seen. */
    public List<TagCount> tags() {
        return derived().tags();
    }

    /** Everything wrong in the vault, and in card and drill files, sorted by file and line. */
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>(derived().problems());
        synchronized (vaultProblems) {
            all.addAll(vaultProblems);
        }
        for (ProblemSource source : problemSources) {
            all.addAll(source.problems());
        }
        all.sort(Comparator.comparing(VaultProblem::path).thenComparing(p -> p.line() == null ? 0 : p.line()));
        return all;
    }

    /** Problems of one note, including broken heading anchors and embed cycles. */
    public List<VaultProblem> problems(Note note) {
        List<VaultProblem> out = new ArrayList<>();
        note.problems().forEach(p -> out.add(new VaultProblem(note.path(), p.kind(), p.message(), p.line())));
        out.addAll(linkProblems(note));
        return out;
    }

    private Derived derived() {
        Derived current = derived;
        long v = version.get();
        if (current.version() == v) {
            return current;
        }
        synchronized (this) {
            if (derived.version() == v) {
                return derived;
            }
            List<Note> sorted = notes.values().stream().sorted(Comparator.comparing(Note::path)).toList();
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
                problems.addAll(problems(note));
            }
            List<TagCount> tags = counts.entrySet().stream().map(e -> new TagCount(spelling.get(e.getKey()), e.getValue()))
                    .sorted(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT))).toList();
            derived = new Derived(v, tags, List.copyOf(problems));
            return derived;
        }
    }

    private List<VaultProblem> linkProblems(Note note) {
        List<VaultProblem> out = new ArrayList<>();
        for (NoteLink link : note.links()) {
            if (link.anchor() == null || link.resolved() == null || !SiteUrls.isMarkdown(link.resolved())) {
                continue;
            }
            Note target = notes.get(link.resolved());
            if (target != null && !target.rendered().anchors().containsKey(AnchorIds.anchor(link.anchor()))) {
                out.add(new VaultProblem(note.path(), MarkdownProblem.BROKEN_ANCHOR, "\u201c" + target.title()
                        + "\u201d has no " + (link.anchor().startsWith("^") ? "block" : "heading") + " \u201c"
                        + link.anchor() + "\u201d; the link opens the top of the note.", link.line()));
            }
        }
        if (note.links().stream().anyMatch(l -> l.embed() && l.resolved() != null && SiteUrls.isMarkdown(l.resolved()))) {
            for (String cycle : composer.cycles(note)) {
                out.add(new VaultProblem(note.path(), MarkdownProblem.EMBED_CYCLE,
                        "Embeds loop: " + cycle + ". Each note is shown once, then a notice.", null));
            }
        }
        return out;
    }
}
