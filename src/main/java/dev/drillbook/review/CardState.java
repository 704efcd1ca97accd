package dev.drillbook.review;

import java.util.Locale;

/** Where a card is in its life: never seen, in (re)learning steps, or on day-based review intervals. */
public enum CardState {
    NEW, LEARNING, REVIEW, RELEARNING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
