package dev.drillbook.review;

import java.time.Instant;

/**
 * A card's scheduling state: everything FSRS needs, nothing about the card's text.
 *
 * @param state where the card is
 * @param step index into the (re)learning steps while learning, else 0
 * @param stability days until recall probability falls to 90 %; 0 before the first review
 * @param difficulty 1–10; 0 before the first review
 * @param due when the card should be shown next (null for a new card: due whenever it is introduced)
 * @param lastReview when it was last answered, or null
 * @param reps answers so far
 * @param lapses times a card in review was forgotten
 */
public record Memory(CardState state, int step, double stability, double difficulty, Instant due, Instant lastReview,
        int reps, int lapses) {

    public static final Memory NEW = new Memory(CardState.NEW, 0, 0, 0, null, null, 0, 0);

    public boolean isNew() {
        return state == CardState.NEW;
    }
}
