package dev.drillbook.search;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.lucene.store.MMapDirectory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keeps a {@link NoteIndex} in step with the vault: built once after the vault is read (in {@code data-dir}, off
 * the Java heap), then updated note by note as files change.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    @Inject
    Vault vault;

    @Inject
    DrillbookConfig config;

    private final CountDownLatch ready = new CountDownLatch(1);

    /** One search per core at a time, in arrival order (see {@link Turns}). */
    private final Turns turns = new Turns(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30));
    private NoteIndex index;
    private volatile long indexMillis;
    private volatile double lastUpdateMillis;

    private synchronized NoteIndex index() throws IOException {
        if (index == null) {
            Path dir = config.dataDir().toAbsolutePath().resolve("search-index");
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.createDirectories(dir);
            index = new NoteIndex(new MMapDirectory(dir), vault::note);
        }
        return index;
    }

    void onVaultChanged(@Observes VaultChanged change) {
        long started = System.nanoTime();
        try {
            NoteIndex idx = index();
            if (change.initial()) {
                idx.addAll(vault.notes());
            } else {
                for (String path : change.removed()) {
                    idx.delete(path);
                }
                for (String path : change.changed()) {
                    Optional<Note> note = vault.note(path);
                    if (note.isPresent()) {
                        idx.update(note.get());
                    } else {
                        idx.delete(path);
                    }
                }
            }
            idx.refresh();
            double millis = (System.nanoTime() - started) / 1e6;
            if (change.initial()) {
                indexMillis = (long) millis;
                LOG.infof("Search index built for %d notes in %d ms", vault.size(), indexMillis);
                ready.countDown();
                warmUpUpdates(idx);
                mergeInBackground(idx);
            } else {
                lastUpdateMillis = millis;
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.error("Updating the search index failed", e);
        } finally {
            ready.countDown();
        }
    }

    /**
     * Re-indexes one unchanged note once the index is ready: the first edit otherwise pays for loading and compiling
     * Lucene's update path (deletes by term, a one-document flush), which made it two to three times slower than later ones.
     */
    private void warmUpUpdates(NoteIndex idx) throws IOException {
        Optional<Note> any = vault.notes().stream().findFirst();
        if (any.isPresent()) {
            idx.update(any.get());
            idx.refresh();
        }
    }

    /** Searches are already answered meanwhile; merging only makes them cheaper (see {@link NoteIndex#mergeSegments}). */
    private void mergeInBackground(NoteIndex idx) {
        Thread merge = new Thread(() -> {
            long started = System.nanoTime();
            try {
                idx.mergeSegments();
                LOG.debugf("Search index merged into one segment in %d ms", (System.nanoTime() - started) / 1_000_000);
            } catch (IOException | UncheckedIOException | org.apache.lucene.store.AlreadyClosedException e) {
                LOG.debug("Merging the search index (the app may be stopping)", e);
            }
        }, "search-index-merge");
        merge.setDaemon(true);
        merge.setPriority(Thread.MIN_PRIORITY);
        merge.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            if (index != null) {
                index.close();
            }
        } catch (IOException e) {
            LOG.debug("Closing the search index", e);
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

    public boolean ready() {
        return ready.getCount() == 0;
    }

    public long indexMillis() {
        return indexMillis;
    }

    public double lastUpdateMillis() {
        return lastUpdateMillis;
    }

    /** See {@link NoteIndex#search}. */
    public List<SearchHit> search(String text, int limit, String tag, String folder) throws SearchException {
        SearchQuery.parse(text);
        if (!awaitReady(Duration.ofSeconds(60))) {
            throw new SearchUnavailableException("The search index is still being built; try again in a moment.");
        }
        turns.acquire();
        try {
            return index().search(text, limit, tag, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release();
        }
    }
}
