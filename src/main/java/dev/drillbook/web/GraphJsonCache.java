package dev.drillbook.web;

import dev.drillbook.graph.GraphQuery;
import dev.drillbook.graph.GraphService;
import dev.drillbook.vault.VaultChanged;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serialised graph JSON, cached by {@link GraphService#stamp}: the whole-vault graph of a large vault is megabytes
 * of JSON, and writing it is most of the cost of {@code GET /api/graph}. Once vault changes settle, the graph
 * page's first view is serialised again in the background, so the graph page rarely waits for it.
 */
@ApplicationScoped
public class GraphJsonCache {

    private static final Logger LOG = Logger.getLogger(GraphJsonCache.class);

    /** Room for the whole-vault JSON of a 10,000-note vault, twice, and the small views next to it. */
    private static final long MAX_CACHED_BYTES = 32L << 20;

    /** What a bare {@code GET /api/graph} asks for. */
    static final GraphQuery WHOLE_VAULT = new GraphQuery(null, 1, null, null, false, true, 0, false);

    @Inject
    GraphService graph;

    @Inject
    dev.drillbook.vault.Vault vault;

    @Inject
    ObjectMapper json;

    /**
     * Least recently used first, bounded by bytes rather than entries: the whole-vault JSON of a 10,000-note vault is
     * 13 MB, and eight stale copies of it (one per edit) kept a 512 MB heap in back-to-back full collections.
     */
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;

    private synchronized byte[] cached(String stamp) {
        return cache.get(stamp);
    }

    private synchronized void remember(String stamp, byte[] bytes) {
        byte[] old = cache.put(stamp, bytes);
        cachedBytes += bytes.length - (old == null ? 0 : old.length);
        var eldest = cache.entrySet().iterator();
        while (cachedBytes > MAX_CACHED_BYTES && cache.size() > 1 && eldest.hasNext()) {
            var entry = eldest.next();
            if (!entry.getKey().equals(stamp)) {
                cachedBytes -= entry.getValue().length;
                eldest.remove();
            }
        }
    }

    /** Everything cached describes a graph that has just changed: none of it can be asked for again. */
    private synchronized void forgetAll() {
        cache.clear();
        cachedBytes = 0;
    }

    /** Prepares the JSON off the event thread, one view at a time. */
    private final ManagedExecutor warmer = ManagedExecutor.builder().maxAsync(1).propagated(ThreadContext.NONE)
            .cleared(ThreadContext.ALL_REMAINING).build();
    /**
     * How long the vault must be quiet before the graph page's JSON is prepared again. Obsidian saves a note being
     * typed every two seconds; recomputing the graph's metrics and layout after each save made ~13 MB of structures
     * per save that the young collections then had to copy, in pauses of up to 50 ms that landed on the next edits.
     */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** Counts vault changes: a warm-up scheduled for an earlier change than the latest has been superseded. */
    private final AtomicLong changes = new AtomicLong();

    /** What the graph page asks for first (see graph.js): the most central notes, laid out here for big vaults. */
    static GraphQuery graphPageDefault(int notes) {
        return new GraphQuery(null, 1, null, null, false, true, ExplorePages.GRAPH_NODE_BUDGET, notes > 300);
    }

    /** The JSON for {@code query}, from the cache when the graph has not changed since. */
    byte[] json(GraphQuery query) {
        return json(query, true);
    }

    /** The JSON for {@code query}, with or without each note's mastery (private: only for a signed-in viewer). */
    byte[] json(GraphQuery query, boolean withMastery) {
        String stamp = graph.stamp(query, withMastery);
        byte[] cached = cached(stamp);
        if (cached != null) {
            return cached;
        }
        try {
            byte[] bytes = json.writeValueAsBytes(GraphApi.GraphJson.of(graph.view(query, withMastery)));
            remember(stamp, bytes);
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the graph as JSON", e);
        }
    }

    /**
     * After the graph has taken a change in (the pipeline fires the event after that), prepare the JSON asked for next:
     * at once after the first load, and once edits settle after later changes (a burst of them, such as a git pull
     * or a note being typed, prepares it once).
     */
    void onVaultChanged(@Observes VaultChanged change) {
        forgetAll();
        if (change.initial()) {
            warmer.execute(() -> warm(true));
            return;
        }
        long latest = changes.incrementAndGet();
        CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS, warmer).execute(() -> {
            if (changes.get() == latest) {
                warm(false);
            }
        });
    }

    private void warm(boolean initial) {
        try {
            // After an edit, only what the graph page opens with. The whole-vault JSON (13 MB for 10,000 notes) is
            // prepared once, after the first load: preparing it after every edit made garbage enough for full
            // collections, and once warmed, building it on request takes ~60 ms.
            if (initial) {
                json(WHOLE_VAULT);
            }
            json(graphPageDefault(vault.size()));
        } catch (RuntimeException e) {
            LOG.debug("Preparing the graph JSON failed; it will be built on request", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        warmer.shutdownNow();
    }
}
