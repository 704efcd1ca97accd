package dev.drillbook.web;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Rendered note pages, kept until anything in the vault (or in the study state shown on them) changes. A page
 * depends on other notes (backlinks, embeds, link titles), so the stamp is the vault-wide version rather than the
 * note's own; edits are rare next to reads, and re-rendering one page on the next visit is cheap.
 * <p>
 * Rendering is pure CPU work, so at most one page per core renders at a time and the others wait their turn in
 * arrival order (as searches do, see {@code dev.drillbook.search.Turns}). With a request thread each, eight renders
 * on two cores were time-sliced and each took as long as the burst; taking turns finishes most of them sooner.
 */
@ApplicationScoped
public class PageCache {

    /**
     * Enough for going back and forth between recent notes. It was 512: on a large vault each of those pages (~30 KB)
     * then lived through a young collection or two before eviction and was copied each time, which doubled the young
     * pauses (2 → 4 ms) while pages were browsed in a sweep; now an evicted page dies young.
     */
    private static final int CAPACITY = 64;

    private record Entry(String stamp, byte[] html) {
    }

    private final Semaphore renders = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final Map<String, Entry> pages = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The page for {@code key} rendered at {@code stamp} (UTF-8), rendering it if missing or stale. */
    public byte[] page(String key, String stamp, Supplier<byte[]> render) {
        synchronized (pages) {
            Entry entry = pages.get(key);
            if (entry != null && entry.stamp().equals(stamp)) {
                return entry.html();
            }
        }
        byte[] html;
        renders.acquireUninterruptibly();
        try {
            html = render.get();
        } finally {
            renders.release();
        }
        synchronized (pages) {
            pages.put(key, new Entry(stamp, html));
        }
        return html;
    }
}
