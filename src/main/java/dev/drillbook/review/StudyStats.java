package dev.drillbook.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What the statistics page shows.
 *
 * @param heatmap reviews per study day over the last year, oldest first
 * @param forecast cards falling due on each of the next 30 days (day 0 = today, overdue included)
 * @param retentionMonth share of review-state answers that were not "again" in the last 30 days (null: none)
 * @param retentionAll the same over all time
 * @param byState cards per state: new, learning, review, relearning, suspended, buried, leeches
 * @param tags mastery per tag, weakest first
 * @param notes mastery per note, weakest first
 * @param reviewsToday answers given today
 * @param streak consecutive study days with at least one answer, ending today or yesterday
 * @param calibration predicted against actual recall of the last year's reviews, by predicted retrievability
 */
public record StudyStats(List<DayCount> heatmap, List<DayCount> forecast, Double retentionMonth, Double retentionAll,
        long reviewsMonth, List<StateCount> byState, List<Mastery> tags, List<Mastery> notes, int reviewsToday, int streak,
        List<Bucket> stability, List<CalibrationBin> calibration) {

    /**
     * Reviews whose predicted probability of recall (R when they were answered, with the weights then in force) fell
     * in [from, to): how many, what was predicted on average, and the share actually recalled (both null for an empty bin).
     */
    public record CalibrationBin(double from, double to, long reviews, Double predicted, Double actual) {
    }

    public record DayCount(LocalDate date, int count) {
    }

    public record StateCount(String state, long count) {
    }

    /**
     * @param name tag name or note path
     * @param mastery average retrievability now (new cards count as 0)
     * @param cards how many cards
     */
    public record Mastery(String name, double mastery, int cards) {
    }

    public record Bucket(String label, long count) {
    }
}
