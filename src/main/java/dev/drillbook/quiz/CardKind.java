package dev.drillbook.quiz;

import java.util.Locale;

/** How a card was written. */
public enum CardKind {
    /** {@code Q :: A} or a multi-line card with {@code ?}. */
    BASIC,
    /** The back-to-front twin made by {@code :::} or {@code ??}. */
    REVERSED,
    /** A deletion ({@code ==x==} or {@code {{c1::x}}}) hidden in a block of text. */
    CLOZE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
