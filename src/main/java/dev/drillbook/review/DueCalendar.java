package dev.drillbook.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Review cards due on each of the next {@value LoadBalancer#DAYS} study days, for the load balancer: read once per
 * study day (or after a change it cannot follow), then kept up to date by each answer, so balancing an answer costs
 * no query over the card table.
 */
final class DueCalendar {

    private final StudyDay days;
    private LocalDate start;
    private int[] counts;

    DueCalendar(StudyDay days) {
        this.days = days;
    }

    /**
     * Counts from {@code today}; {@code load} gives the due times of review cards due from today's start for
     * {@value LoadBalancer#DAYS} days, and is called when the counts are not for today.
     */
    synchronized int[] counts(LocalDate today, Supplier<Iterable<Instant>> load) {
        if (counts == null || !today.equals(start)) {
            int[] fresh = new int[LoadBalancer.DAYS];
            for (Instant due : load.get()) {
                int offset = offset(today, due);
                if (offset >= 0 && offset < fresh.length) {
                    fresh[offset]++;
                }
            }
            start = today;
            counts = fresh;
        }
        return counts.clone();
    }

    /** A review card's due time changed from {@code before} to {@code after} (either null: not a review card then). */
    synchronized void moved(Instant before, Instant after) {
        if (counts == null) {
            return;
        }
        add(before, -1);
        add(after, 1);
    }

    /** Something changed that the counts cannot follow: read them again when next needed. */
    synchronized void invalidate() {
        counts = null;
    }

    private void add(Instant due, int delta) {
        if (due == null) {
            return;
        }
        int offset = offset(start, due);
        if (offset >= 0 && offset < counts.length) {
            counts[offset] = Math.max(0, counts[offset] + delta);
        }
    }

    private int offset(LocalDate today, Instant due) {
        return (int) ChronoUnit.DAYS.between(today, days.dateOf(due));
    }
}
