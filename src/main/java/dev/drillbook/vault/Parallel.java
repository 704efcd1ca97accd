package dev.drillbook.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Work on many items spread over the cores: one task per core on the given (managed) executor plus the caller, each
 * taking the next item until none is left, so all finish within an item of each other.
 */
public final class Parallel {

    /** Below this many items per extra task, the work is left to the calling thread. */
    private static final int MIN_ITEMS_PER_TASK = 16;

    private Parallel() {
    }

    /** Runs {@code action} on every item; the first failure is rethrown once all tasks have stopped. */
    public static <T> void forEach(Executor executor, List<T> items, Consumer<T> action) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                action.accept(items.get(i));
            }
        };
        int extra = Math.min(Runtime.getRuntime().availableProcessors() - 1, items.size() / MIN_ITEMS_PER_TASK);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < extra; i++) {
            running.add(CompletableFuture.runAsync(worker, executor));
        }
        RuntimeException failed = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            next.set(items.size());
            failed = e;
        }
        for (CompletableFuture<Void> task : running) {
            try {
                task.join();
            } catch (CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
