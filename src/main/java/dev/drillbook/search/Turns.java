package dev.drillbook.search;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns on the processor for searches: at most one per core runs, the others wait in arrival order. Searches are
 * pure CPU work; with a request thread each, the cores were time-sliced between all of them and every query in a
 * burst took as long as the burst. First come, first served finishes most of them sooner.
 */
final class Turns {

    private final Semaphore turns;
    private final Duration patience;

    /** @param patience how long a search waits for its turn before it is refused as busy */
    Turns(int at, Duration patience) {
        this.turns = new Semaphore(at, true);
        this.patience = patience;
    }

    /** Waits for a turn; every successful call must be followed by {@link #release()}. */
    void acquire() throws SearchUnavailableException {
        try {
            if (!turns.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SearchUnavailableException("Search is busy; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchUnavailableException("The search was interrupted; try again.");
        }
    }

    void release() {
        turns.release();
    }
}
