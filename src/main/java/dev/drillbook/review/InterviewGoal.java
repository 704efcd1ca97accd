package dev.drillbook.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * An interview to prepare for: until its study day, cards in its scope are scheduled for it — a higher desired
 * retention, and intervals short enough that each card comes back at least once more before the day. From the day
 * on, nothing about it applies any more (review history is never touched).
 *
 * @param date the interview's study day
 * @param topics tags or decks in scope (a topic covers its nested tags and sub-decks; a leading # is ignored); empty: every card
 * @param retention desired retention for cards in scope until the day
 */
public record InterviewGoal(LocalDate date, List<String> topics, double retention) {

    public InterviewGoal {
        if (date == null) {
            throw new IllegalArgumentException("an interview needs a date");
        }
        if (!(retention > 0 && retention < 1)) {
            throw new IllegalArgumentException("interview retention must be between 0 and 1, got " + retention);
        }
        topics = topics.stream().map(InterviewGoal::normalise).filter(t -> !t.isEmpty()).distinct().toList();
    }

    static String normalise(String topic) {
        String t = topic.strip();
        return (t.startsWith("#") ? t.substring(1) : t).strip();
    }

    /** "rag, #evals system-design" → topics. */
    public static List<String> parseTopics(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split("[,\\s]+")).stream().map(InterviewGoal::normalise).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** Whether it still shapes scheduling on {@code today}: strictly before the interview's day. */
    public boolean activeOn(LocalDate today) {
        return today.isBefore(date);
    }

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, date);
    }

    /** A card of {@code deck} with {@code tags} is prepared for this interview. */
    public boolean covers(String deck, Collection<String> tags) {
        return topics.isEmpty() || topics.stream().anyMatch(t -> topicCovers(t, deck, tags));
    }

    /** A card of {@code deck} with {@code tags} belongs to {@code topic}: its deck or one of its tags is the topic or under it. */
    public static boolean topicCovers(String topic, String deck, Collection<String> tags) {
        String t = topic.toLowerCase(Locale.ROOT);
        if (deck != null && within(deck.toLowerCase(Locale.ROOT), t)) {
            return true;
        }
        for (String tag : tags) {
            if (within(tag.toLowerCase(Locale.ROOT), t)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name} is the topic or nested under it ({@code rag/evals} is within {@code rag}); compare in lower case. */
    public static boolean within(String name, String topic) {
        return name.equals(topic) || name.startsWith(topic + "/");
    }

    /**
     * The longest interval a card in scope may get when answered on {@code today}: it must be due on a study day
     * before the interview. The day before, any interval is fine (the card has just been seen), so no cap then.
     */
    public int intervalCap(LocalDate today) {
        long left = daysLeft(today);
        return left >= 2 ? (int) Math.min(Integer.MAX_VALUE, left - 1) : Integer.MAX_VALUE;
    }
}
