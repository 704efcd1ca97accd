package dev.drillbook.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers per study day, kept in memory: read once from the review log, then updated by every answer and undo,
 * so the statistics page does not scan a log of a million rows on every visit.
 */
final class ReviewDays {

    /** One answer as the log holds it. */
    record Answer(long logId, LocalDate day, int rating, boolean wasReview) {
    }

    /** Per day: answers, answers to cards in review, of which not "again". */
    private Map<LocalDate, long[]> days;
    private long loadedUpTo = -1;

    /** Runs {@code load} (all answers not undone) the first time; later calls return the kept counts. */
    synchronized Map<LocalDate, long[]> snapshot(Supplier<Iterable<Answer>> load) {
        if (days == null) {
            Iterable<Answer> answers = load.get();
            long max = -1;
            for (Answer a : answers) {
                max = Math.max(max, a.logId());
            }
            days = tally(answers);
            loadedUpTo = max;
        }
        Map<LocalDate, long[]> copy = new HashMap<>();
        days.forEach((d, c) -> copy.put(d, c.clone()));
        return copy;
    }

    /** Per day: answers, answers to cards in review, of which not "again". */
    static Map<LocalDate, long[]> tally(Iterable<Answer> answers) {
        Map<LocalDate, long[]> out = new HashMap<>();
        for (Answer a : answers) {
            apply(out, a, 1);
        }
        return out;
    }

    synchronized void added(Answer a) {
        if (days != null && a.logId() > loadedUpTo) {
            apply(days, a, 1);
        }
    }

    synchronized void undone(Answer a) {
        if (days != null) {
            apply(days, a, -1);
        }
    }

    private static void apply(Map<LocalDate, long[]> days, Answer a, int sign) {
        long[] c = days.computeIfAbsent(a.day(), d -> new long[3]);
        c[0] += sign;
        if (a.wasReview()) {
            c[1] += sign;
            if (a.rating() > 1) {
                c[2] += sign;
            }
        }
    }
}
