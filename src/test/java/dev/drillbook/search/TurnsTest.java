package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

class TurnsTest {

    @Test
    void aSearchThatCannotGetATurnInTimeIsRefusedAsBusyAndAReleasedTurnIsReused() throws Exception {
        Turns turns = new Turns(1, Duration.ofMillis(50));
        turns.acquire();
        SearchUnavailableException busy = assertThrows(SearchUnavailableException.class, turns::acquire);
        assertEquals("Search is busy; try again in a moment.", busy.getMessage());
        turns.release();
        turns.acquire();  // the turn given back is taken again
        turns.release();
    }

    @Test
    void waitingSearchesGetTheirTurnInArrivalOrder() throws Exception {
        Turns turns = new Turns(1, Duration.ofSeconds(10));
        List<Integer> order = new CopyOnWriteArrayList<>();
        turns.acquire();
        List<Thread> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    turns.acquire();
                    order.add(n);
                    turns.release();
                } catch (SearchUnavailableException e) {
                    order.add(-1);
                }
            });
            t.start();
            waiting.add(t);
            while (t.getState() != Thread.State.TIMED_WAITING) {  // queued before the next one arrives
                Thread.sleep(1);
            }
        }
        turns.release();
        for (Thread t : waiting) {
            t.join(10_000);
        }
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }
}
