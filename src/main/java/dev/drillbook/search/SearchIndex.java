package dev.drillbook.search;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteContent;
import dev.drillbook.vault.Parallel;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;
import dev.drillbook.vault.VaultProblem;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The vault index on disk ({@code data-dir/vault-index}, see {@link NoteIndex}) as the app uses it: opened at start
 * with what it stored, kept in step with every vault change, committed every few seconds and at shutdown. If it
 * cannot be written (a full disk, a read-only folder) it carries on in memory and says so on the problems page.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    @Inject
    Vault vault;

    @Inject
    DrillbookConfig config;

    @Inject
    ManagedExecutor executor;

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile NoteIndex index;
    private volatile boolean dirty;
    private volatile long indexMillis;
    private volatile double lastUpdateMillis;

    /** The folder the index lives in. */
    Path folder() {
        return config.dataDir().toAbsolutePath().normalize().resolve("vault-index");
    }

    /**
     * Opens the index and returns the notes it stored at the last stop (empty on a first start or after a rebuild).
     * A stored index is searchable at once.
     */
    public synchronized List<NoteContent> open() {
        try {
            Files.createDirectories(folder());
            index = NoteIndex.open(FSDirectory.open(folder()));
            if (index.rebuiltBecause() != null) {
                LOG.warnf("The vault index in %s was rebuilt: %s", folder(), index.rebuiltBecause());
                vault.report(new VaultProblem("", MarkdownProblem.INDEX, "The vault index was rebuilt because "
                        + index.rebuiltBecause() + "; every note was read again.", null));
            }
        } catch (IOException | RuntimeException e) {
            inMemory("it could not be opened in " + folder() + " (" + e.getMessage() + ")");
        }
        List<NoteContent> stored = index.stored();
        if (!stored.isEmpty()) {
            ready.countDown();
        }
        LOG.infof("Vault index: %d notes restored", stored.size());
        return stored;
    }

    /** Keeps the index in step with one change of the vault; {@code initial} restores need nothing. */
    public synchronized void apply(VaultChanged change) {
        if (change.initial() || index == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            write(change);
        } catch (IOException | UncheckedIOException e) {
            inMemory("writing it failed (" + e.getMessage() + ")");
            rebuildFromVault();
        }
        double millis = (System.nanoTime() - started) / 1e6;
        if (ready.getCount() > 0) {
            indexMillis = (long) millis;
            LOG.infof("Search index built for %d notes in %d ms", vault.size(), indexMillis);
        } else {
            lastUpdateMillis = millis;
        }
        ready.countDown();
    }

    /** The vault has read everything there was to read at start: every note is searchable now. */
    public void caughtUp() {
        ready.countDown();
    }

    private void write(VaultChanged change) throws IOException {
        for (String path : change.removed()) {
            index.delete(path);
        }
        List<Note> notes = new ArrayList<>();
        for (String path : change.changed()) {
            Optional<Note> note = vault.note(path);
            if (note.isPresent()) {
                notes.add(note.get());
            } else {
                index.delete(path);
            }
        }
        NoteIndex target = index;
        Parallel.forEach(executor, notes, note -> {
            try {
                target.update(note);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        index.refresh();
        dirty = true;
    }

    /** Carries on with an index in memory: searches keep working, restarts read every note again. */
    private void inMemory(String reason) {
        LOG.errorf("The vault index on disk is not used because %s; searching from memory until the app restarts", reason);
        vault.report(new VaultProblem("", MarkdownProblem.INDEX, "The vault index on disk is not used because " + reason
                + ". Search works from memory; the next start reads every note again.", null));
        try {
            if (index != null) {
                try {
                    index.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Closing the failed vault index", e);
                }
            }
            index = NoteIndex.open(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("An index in memory cannot fail to open", e);
        }
    }

    private void rebuildFromVault() {
        try {
            for (Note note : vault.notes()) {
                index.update(note);
            }
            index.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("An index in memory cannot fail to write", e);
        }
    }

    /** Writes what changed to disk every few seconds, so a crash loses at most that much (the next start re-reads it). */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void commitIfChanged() {
        if (!dirty || index == null) {
            return;
        }
        dirty = false;
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            inMemory("committing it failed (" + e.getMessage() + ")");
            rebuildFromVault();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            try {
                if (index != null) {
                    index.commit();
                    index.close();
                    index = null;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Closing the vault index failed (the next start reads the changed notes again): %s", e.getMessage());
            }
        }
    }

    public boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True once every note is searchable: restored from disk, or indexed after a first read. */
    public boolean ready() {
        return ready.getCount() == 0;
    }

    public long indexMillis() {
        return indexMillis;
    }

    public double lastUpdateMillis() {
        return lastUpdateMillis;
    }

    /** See {@link NoteSearch}; a 503 (as {@link SearchUnavailableException}) while the first index is built. */
    public List<SearchHit> search(String text, int limit, String tag, String folder) throws SearchException {
        SearchQuery.parse(text);
        if (!awaitReady(Duration.ofSeconds(30))) {
            throw new SearchUnavailableException("The search index is still being built; try again in a moment.");
        }
        return new NoteSearch(index, vault::note).search(text, limit, tag, folder);
    }
}
