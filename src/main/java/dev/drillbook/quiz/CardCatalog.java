package dev.drillbook.quiz;

import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.review.CardEntity;
import dev.drillbook.vault.DirectoryWatcher;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.ProblemSource;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;
import dev.drillbook.vault.VaultPaths;
import dev.drillbook.vault.VaultProblem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Keeps the card table in step with the card files in the questions folder, the {@code #flashcards} notes of the
 * vault and its story notes (one card each, {@link StoryCards}): reads them after the vault is loaded, then again
 * whenever they change, and reconciles what it reads with the stored cards ({@link CardReconciler}) so schedules
 * follow cards through edits. Never writes files.
 */
@ApplicationScoped
public class CardCatalog implements ProblemSource {

    private static final Logger LOG = Logger.getLogger(CardCatalog.class);
    private static final int BATCH = 500;
    private static final String READ_ONLY = "org.hibernate.readOnly";

    @Inject
    DrillbookConfig config;

    @Inject
    Vault vault;

    @Inject
    EntityManager em;

    @Inject
    dev.drillbook.review.ReviewService reviews;

    /** One task at a time, in order: card syncs must apply in the order the changes came. */
    private final ManagedExecutor worker = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();
    private final Map<String, List<VaultProblem>> problems = new ConcurrentHashMap<>();
    /** Sources that had cards at the last sync: a note losing its #flashcards tag must lose its cards. */
    private final Set<String> sourcesWithCards = ConcurrentHashMap.newKeySet();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AtomicLong version = new AtomicLong();
    private volatile Path questionsRoot;
    private volatile long loadMillis;
    private volatile int cardCount;
    private DirectoryWatcher watcher;

    /** Reads every card source (card files and {@code #flashcards} notes) in the background, once the vault is read. */
    public void load() {
        worker.submit(this::initialLoad);
    }

    /** Reads again the cards of notes that changed, were relinked or went (before {@link #load}: nothing to do). */
    public void apply(VaultChanged change) {
        if (change.initial()) {
            return;
        }
        Set<String> notes = new LinkedHashSet<>(change.touched());
        notes.addAll(change.removed());
        worker.submit(() -> syncNotes(notes));
    }

    /**
     * Reads these question files now, on the catalog's worker, rather than when the file watcher notices them: an
     * importer that wrote them needs their cards in the database before it can attach review history.
     */
    public java.util.concurrent.Future<?> sync(Collection<Path> files) {
        return worker.submit(() -> syncQuestionFiles(new LinkedHashSet<>(files)));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
        worker.shutdownNow();
        // let a sync in progress finish before the database closes under it ("EntityManager is closed" at shutdown)
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the first reading of all card sources is done (tests, the review page on a cold start). */
    public boolean awaitLoaded(java.time.Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    /** Changes whenever cards were added, edited or removed. */
    public long version() {
        return version.get();
    }

    public long loadMillis() {
        return loadMillis;
    }

    public int cardCount() {
        return cardCount;
    }

    @Override
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>();
        problems.values().forEach(all::addAll);
        return all;
    }

    private void initialLoad() {
        long started = System.nanoTime();
        try {
            questionsRoot = config.questionsDir().toAbsolutePath().normalize();
            Map<String, Optional<CardFiles.Parsed>> sources = new LinkedHashMap<>();
            if (Files.isDirectory(questionsRoot)) {
                // watch before listing: a file written in between is then seen twice (harmless, the worker runs
                // the change after this load) rather than never
                startWatching();
                for (Path file : markdownFiles(questionsRoot)) {
                    sources.put(questionSource(file), read(file, questionSource(file), false));
                }
            }
            // note tags include inline ones, so #flashcards written in the body counts too
            for (Note note : vault.notes()) {
                if (holdsCards(note)) {
                    sources.put(note.path(), readNote(note));
                }
            }
            apply(sources, true);
        } catch (RuntimeException e) {
            LOG.error("Reading card files failed", e);
        } finally {
            loadMillis = (System.nanoTime() - started) / 1_000_000;
            loaded.countDown();
            LOG.infof("Cards ready in %d ms: %d cards", loadMillis, cardCount);
        }
    }

    private void startWatching() {
        if (!config.vault().watch()) {
            return;
        }
        try {
            watcher = new DirectoryWatcher(questionsRoot, config.vault().debounce(),
                    batch -> worker.submit(() -> syncQuestionFiles(batch)),
                    () -> worker.submit(this::rescanQuestions));
            watcher.start("questions");
        } catch (IOException e) {
            LOG.warnf("Cannot watch %s for changes: %s", questionsRoot, e.getMessage());
        }
    }

    private void syncQuestionFiles(Set<Path> files) {
        Map<String, Optional<CardFiles.Parsed>> sources = new LinkedHashMap<>();
        for (Path file : files) {
            if (!SiteUrls.isMarkdown(file.toString())) {
                continue;
            }
            String source = questionSource(file);
            if (Files.isRegularFile(file)) {
                sources.put(source, read(file, source, false));
            } else {
                problems.remove(source); // deleted: its cards go (history kept), and so do its problems
                sources.put(source, Optional.of(CardFiles.Parsed.EMPTY));
            }
        }
        apply(sources, false);
        // a story card's front names its questions: follow their titles
        syncNotes(vault.notes().stream().filter(CardCatalog::isStory).map(Note::path).toList());
    }

    private void rescanQuestions() {
        Set<Path> files = new LinkedHashSet<>(markdownFiles(questionsRoot));
        for (String source : sourcesWithCards) {
            if (source.startsWith(CardFiles.QUESTIONS_PREFIX)) {
                files.add(questionsRoot.resolve(source.substring(CardFiles.QUESTIONS_PREFIX.length())));
            }
        }
        syncQuestionFiles(files);
    }

    private void syncNotes(Collection<String> paths) {
        if (loaded.getCount() > 0) {
            return;  // the first reading, still to come on this thread, reads every note as it is then
        }
        Map<String, Optional<CardFiles.Parsed>> sources = new LinkedHashMap<>();
        for (String path : paths) {
            Optional<Note> note = vault.note(path);
            if (note.isPresent() && holdsCards(note.get())) {
                sources.put(path, readNote(note.get()));
            } else if (sourcesWithCards.contains(path) || problems.containsKey(path)) {
                problems.remove(path);
                sources.put(path, Optional.of(CardFiles.Parsed.EMPTY));
            }
        }
        if (!sources.isEmpty()) {
            apply(sources, false);
        }
    }

    private static boolean isStory(Note note) {
        return dev.drillbook.story.StoryParser.isStory(note.properties().get("type"), note.tags());
    }

    private static boolean holdsCards(Note note) {
        return note.hasTag(CardFiles.FLASHCARDS_TAG) || isStory(note);
    }

    private Optional<CardFiles.Parsed> readNote(Note note) {
        return read(vault.root().resolve(note.path()), note.path(), true, isStory(note) ? note.title() : null);
    }

    private Optional<CardFiles.Parsed> read(Path file, String source, boolean isNote) {
        return read(file, source, isNote, null);
    }

    /**
     * Reads a file; empty when it cannot be read (its stored cards are then left alone, and a problem shown).
     *
     * @param storyTitle the note's title when it is a story note (its card is added), else null
     */
    private Optional<CardFiles.Parsed> read(Path file, String source, boolean isNote, String storyTitle) {
        try {
            String text = VaultPaths.readInside(isNote || questionsRoot == null ? vault.root() : questionsRoot, file);
            CardFiles.Parsed parsed = CardFiles.read(source, text, isNote);
            if (storyTitle != null) {
                List<ParsedCard> cards = new ArrayList<>(parsed.cards());
                cards.addAll(StoryCards.of(dev.drillbook.story.StoryParser.parse(source, storyTitle, text).story(), this::questionTitle));
                parsed = new CardFiles.Parsed(cards, parsed.problems(), parsed.fileLinks());
            }
            problems.remove(source);
            if (!parsed.problems().isEmpty()) {
                problems.put(source, parsed.problems());
            }
            return Optional.of(parsed);
        } catch (MalformedInputException e) {
            problems.put(source, List.of(new VaultProblem(source, "card-unreadable",
                    "The card file is not valid UTF-8; save it as UTF-8. Its cards keep their schedules meanwhile.", null)));
        } catch (IOException | RuntimeException e) {
            problems.put(source, List.of(new VaultProblem(source, "card-unreadable",
                    "The card file could not be read (" + e.getClass().getSimpleName() + "); its cards keep their schedules meanwhile.", null)));
        }
        return Optional.empty();
    }

    /** Reconciles the given sources with the database in one transaction per batch of sources. */
    private void apply(Map<String, Optional<CardFiles.Parsed>> sources, boolean everything) {
        Map<String, CardFiles.Parsed> readable = new LinkedHashMap<>();
        sources.forEach((source, parsed) -> parsed.ifPresent(p -> readable.put(source, p)));
        if (readable.isEmpty() && !everything) {
            return;
        }
        QuarkusTransaction.requiringNew().timeout(900).run(() -> {
            reconcile(readable, everything);
            cardCount = ((Number) em.createQuery("select count(c) from CardEntity c where c.queue <> :deleted")
                    .setParameter("deleted", CardEntity.QUEUE_DELETED).getSingleResult()).intValue();
        });
        version.incrementAndGet();
        reviews.decksChanged();
    }

    private void reconcile(Map<String, CardFiles.Parsed> readable, boolean everything) {
        List<CardEntity> existing = everything
                ? em.createQuery("from CardEntity c where c.queue <> :deleted", CardEntity.class)
                        .setParameter("deleted", CardEntity.QUEUE_DELETED).setHint(READ_ONLY, true).getResultList()
                : em.createQuery("from CardEntity c where c.queue <> :deleted and c.source in :sources", CardEntity.class)
                        .setParameter("deleted", CardEntity.QUEUE_DELETED).setParameter("sources", readable.keySet())
                        .setHint(READ_ONLY, true).getResultList();
        if (everything) {
            // sources that vanished while Drillbook was not running: their cards are deleted below
            for (CardEntity card : existing) {
                readable.putIfAbsent(card.source, CardFiles.Parsed.EMPTY);
            }
        }
        Map<String, CardEntity> byId = new HashMap<>();
        List<CardReconciler.Stored> stored = new ArrayList<>(existing.size());
        for (CardEntity card : existing) {
            byId.put(card.id, card);
            stored.add(new CardReconciler.Stored(card.id, card.source, card.fingerprint, card.front + "\n" + card.back));
        }
        List<ParsedCard> parsed = new ArrayList<>();
        Map<String, List<String>> fileLinks = new HashMap<>();
        readable.forEach((source, file) -> {
            parsed.addAll(file.cards());
            fileLinks.put(source, file.fileLinks());
        });
        CardReconciler.Plan plan = CardReconciler.plan(stored, parsed);
        Instant now = Instant.now();
        int pending = 0;
        for (Map.Entry<Integer, String> match : plan.matched().entrySet()) {
            CardEntity card = byId.get(match.getValue());
            ParsedCard p = parsed.get(match.getKey());
            String notes = CardEntity.joinList(notes(p, fileLinks.getOrDefault(p.source(), List.of())));
            String tags = CardEntity.joinList(p.tags());
            if (!card.fingerprint.equals(p.fingerprint()) || card.line != p.line() || !card.source.equals(p.source())
                    || !card.deck.equals(p.deck()) || !card.tags.equals(tags) || !card.notes.equals(notes)
                    || !card.front.equals(p.front()) || !card.back.equals(p.back())) {
                writable(card);
                fill(card, p, tags, notes);
                pending = flushEvery(++pending);
            }
        }
        long order = nextNewOrder();
        Map<String, CardEntity> hidden = hiddenCards(plan.added().stream().map(i -> parsed.get(i).source()).collect(Collectors.toSet()));
        for (int index : plan.added()) {
            ParsedCard p = parsed.get(index);
            CardEntity back = hidden.remove(p.source() + "\u0000" + p.fingerprint());
            if (back != null) {
                // the same card as one deleted from this file before (or restored from a backup while its file was
                // missing): it comes back with its history and schedule
                fill(back, p, CardEntity.joinList(p.tags()), CardEntity.joinList(notes(p, fileLinks.getOrDefault(p.source(), List.of()))));
                back.queue = CardEntity.queueFor(back.cardState());
                back.deletedAt = null;
                pending = flushEvery(++pending);
                continue;
            }
            CardEntity card = new CardEntity();
            card.id = newId();
            fill(card, p, CardEntity.joinList(p.tags()), CardEntity.joinList(notes(p, fileLinks.getOrDefault(p.source(), List.of()))));
            card.queue = CardEntity.QUEUE_NEW;
            card.state = "NEW";
            card.newOrder = order++;
            card.createdAt = now;
            em.persist(card);
            pending = flushEvery(++pending);
        }
        for (String id : plan.deleted()) {
            CardEntity card = byId.get(id);
            writable(card);
            card.queue = CardEntity.QUEUE_DELETED;
            card.deletedAt = now;
            pending = flushEvery(++pending);
        }
        em.flush();
        sourcesWithCards.removeAll(readable.keySet());
        for (ParsedCard p : parsed) {
            sourcesWithCards.add(p.source());
        }
        if (!plan.added().isEmpty() || !plan.deleted().isEmpty() || !plan.edited().isEmpty()) {
            LOG.infof("Cards: %d new, %d edited or moved, %d removed (history kept)", plan.added().size(),
                    plan.edited().size(), plan.deleted().size());
        }
    }

    /** Deleted cards of {@code sources}, by file and fingerprint (the newest one where several match). */
    private Map<String, CardEntity> hiddenCards(Set<String> sources) {
        Map<String, CardEntity> out = new HashMap<>();
        List<String> all = new ArrayList<>(sources);
        for (int i = 0; i < all.size(); i += BATCH) {
            em.createQuery("from CardEntity c where c.queue = :deleted and c.source in :sources order by c.deletedAt", CardEntity.class)
                    .setParameter("deleted", CardEntity.QUEUE_DELETED).setParameter("sources", all.subList(i, Math.min(all.size(), i + BATCH)))
                    .getResultStream().forEach(c -> out.put(c.source + "\u0000" + c.fingerprint, c));
        }
        return out;
    }

    /**
     * Stored cards are loaded read-only (most are unchanged, and a restart with 100,000 cards should not pay for
     * dirty-checking all of them); the few that change are switched back to writable first.
     */
    private void writable(CardEntity card) {
        em.unwrap(org.hibernate.Session.class).setReadOnly(card, false);
    }

    private int flushEvery(int pending) {
        if (pending >= BATCH) {
            em.flush();
            return 0;
        }
        return pending;
    }

    private static void fill(CardEntity card, ParsedCard p, String tags, String notes) {
        card.fingerprint = p.fingerprint();
        card.source = p.source();
        card.kind = p.kind().key();
        card.deck = p.deck();
        card.line = p.line();
        card.front = p.front();
        card.back = p.back();
        card.tags = tags;
        card.notes = notes;
    }

    /** The notes a card belongs to: its own note and what it links to; else what its file's front matter names. */
    private List<String> notes(ParsedCard card, List<String> fileLinks) {
        Set<String> notes = new LinkedHashSet<>();
        boolean fromNote = !card.source().startsWith(CardFiles.QUESTIONS_PREFIX);
        if (fromNote) {
            notes.add(card.source());
        }
        String from = fromNote ? card.source() : null;
        for (String link : card.links()) {
            resolve(link, from).ifPresent(notes::add);
        }
        // a card's own links say best what it is about; the file's front matter speaks for cards without any
        if (notes.isEmpty() || (!fromNote && card.links().isEmpty())) {
            for (String link : fileLinks) {
                resolve(link, from).ifPresent(notes::add);
            }
        }
        return new ArrayList<>(notes);
    }

    private Optional<String> resolve(String link, String from) {
        Resolution r = vault.names().resolve(link, from);
        return r.resolved() && r.isNote() ? Optional.of(r.path()) : Optional.empty();
    }

    private long nextNewOrder() {
        Object max = em.createQuery("select max(c.newOrder) from CardEntity c").getSingleResult();
        return max == null ? 1 : ((Number) max).longValue() + 1;
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The title of a behavioural question by id ({@code behavioral/failure}), read from its file; empty if there is none. */
    private Optional<String> questionTitle(String id) {
        if (questionsRoot == null) {
            return Optional.empty();
        }
        Path file = questionsRoot.resolve(id + ".md").normalize();
        if (!file.startsWith(questionsRoot) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return dev.drillbook.grading.DrillParser.parse(CardFiles.QUESTIONS_PREFIX + id + ".md", VaultPaths.readInside(questionsRoot, file)).drill()
                    .filter(dev.drillbook.grading.Drill::behavioral).map(dev.drillbook.grading.Drill::title);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String questionSource(Path file) {
        return CardFiles.QUESTIONS_PREFIX + VaultPaths.relative(questionsRoot, file);
    }

    private static List<Path> markdownFiles(Path root) {
        try {
            return VaultPaths.markdownFiles(root);
        } catch (IOException e) {
            LOG.warnf("Cannot list %s: %s", root, e.getMessage());
            return List.of();
        }
    }
}
