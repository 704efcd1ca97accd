package dev.drillbook.vault;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {

    @Test
    void everyItemIsDoneOnceAndTheCallerWaitsForAll() {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            Parallel.forEach(executor, items, i -> {
                assertTrue(seen.add(i), "twice: " + i);
            });
            assertEquals(10_000, seen.size());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailingItemIsRethrownToTheCaller() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> Parallel.forEach(executor,
                    List.of(1, 2, 3), i -> {
                        if (i == 2) {
                            throw new IllegalStateException("item 2");
                        }
                    }));
            assertTrue(String.valueOf(thrown.getMessage()).contains("item 2")
                    || String.valueOf(thrown.getCause()).contains("item 2"), thrown.toString());
        } finally {
            executor.shutdownNow();
        }
    }
}
