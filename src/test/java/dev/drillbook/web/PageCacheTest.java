package dev.drillbook.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class PageCacheTest {

    @Test
    void aPageIsRenderedOnceForAStampAndAgainWhenTheStampChanges() {
        PageCache cache = new PageCache();
        AtomicInteger renders = new AtomicInteger();
        byte[] first = cache.page("a.md", "v1", () -> ("page " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        byte[] again = cache.page("a.md", "v1", () -> ("page " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(first, again);
        assertEquals(1, renders.get());
        cache.page("a.md", "v2", () -> ("page " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, renders.get());
    }

    @Test
    void noMoreRendersRunAtOnceThanThereAreCoresAndAllFinish() throws Exception {
        PageCache cache = new PageCache();
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(cores * 4);
        try {
            List<Future<byte[]>> pages = new ArrayList<>();
            for (int i = 0; i < cores * 12; i++) {
                String key = "note-" + i + ".md";
                pages.add(pool.submit(() -> cache.page(key, "v1", () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);  // a render holding its turn
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return key.getBytes(StandardCharsets.UTF_8);
                })));
            }
            for (int i = 0; i < pages.size(); i++) {
                assertEquals("note-" + i + ".md", new String(pages.get(i).get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(most.get() <= cores, most.get() + " renders at once on " + cores + " cores");
        assertTrue(most.get() >= 1);
    }
}
