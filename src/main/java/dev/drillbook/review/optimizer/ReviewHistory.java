package dev.drillbook.review.optimizer;

import dev.drillbook.review.Fsrs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A review log reduced to what the optimiser needs: per card, its answers in time order, each with the whole days
 * since the card's previous answer. Only a card's first {@value #MAX_REVIEWS_PER_CARD} answers are kept, as py-fsrs's
 * optimiser does (its published figures are computed that way). Immutable.
 */
public final class ReviewHistory {

    /** py-fsrs's {@code max_seq_len}. */
    public static final int MAX_REVIEWS_PER_CARD = 64;

    /**
     * One card's answers.
     *
     * @param ratings 1–4 per answer
     * @param elapsedDays whole days since the previous answer; -1 for the first
     */
    public record Card(String id, byte[] ratings, int[] elapsedDays) {

        public int size() {
            return ratings.length;
        }

        /** Answers that count in the loss: at least a day after the card's previous answer. */
        int crossDay() {
            int n = 0;
            for (int days : elapsedDays) {
                if (days > 0) {
                    n++;
                }
            }
            return n;
        }
    }

    /** One answer as a log holds it. */
    public record Answer(String cardId, Instant at, int rating) {
        public Answer {
            if (rating < 1 || rating > 4) {
                throw new IllegalArgumentException("rating must be 1–4, got " + rating);
            }
        }
    }

    private final List<Card> cards;
    private final int crossDayReviews;

    private ReviewHistory(List<Card> cards) {
        this.cards = Collections.unmodifiableList(cards);
        this.crossDayReviews = cards.stream().mapToInt(Card::crossDay).sum();
    }

    /** Groups answers by card (cards in order of their first answer), sorts each card's answers by time. */
    public static ReviewHistory of(Iterable<Answer> answers) {
        Map<String, List<Answer>> byCard = new LinkedHashMap<>();
        for (Answer a : answers) {
            byCard.computeIfAbsent(a.cardId(), k -> new ArrayList<>()).add(a);
        }
        List<Card> cards = new ArrayList<>(byCard.size());
        for (Map.Entry<String, List<Answer>> e : byCard.entrySet()) {
            List<Answer> list = e.getValue();
            list.sort(Comparator.comparing(Answer::at));
            int n = Math.min(list.size(), MAX_REVIEWS_PER_CARD);
            byte[] ratings = new byte[n];
            int[] days = new int[n];
            for (int i = 0; i < n; i++) {
                ratings[i] = (byte) list.get(i).rating();
                days[i] = i == 0 ? -1 : (int) Fsrs.wholeDays(list.get(i - 1).at(), list.get(i).at());
            }
            cards.add(new Card(e.getKey(), ratings, days));
        }
        return new ReviewHistory(cards);
    }

    public List<Card> cards() {
        return cards;
    }

    /** Answers at least a day after the card's previous one: the ones the loss is measured on. */
    public int crossDayReviews() {
        return crossDayReviews;
    }

    public int answers() {
        return cards.stream().mapToInt(Card::size).sum();
    }
}
