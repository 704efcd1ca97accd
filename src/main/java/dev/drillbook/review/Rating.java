package dev.drillbook.review;

import java.util.Locale;
import java.util.Optional;

/** An answer to a card, as on Anki's four buttons. */
public enum Rating {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** FSRS's G: 1 Again … 4 Easy. */
    public int grade() {
        return grade;
    }

    public boolean success() {
        return grade >= 2;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "again"/"hard"/"good"/"easy" in any case, or "1"–"4"; empty for anything else. */
    public static Optional<Rating> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Rating r : values()) {
            if (r.key().equals(t) || String.valueOf(r.grade).equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
