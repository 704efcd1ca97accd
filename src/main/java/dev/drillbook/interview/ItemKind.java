package dev.drillbook.interview;

import java.util.Locale;

/** What a mock-interview item asks for. */
public enum ItemKind {
    BEHAVIORAL, CONCEPT, CODING, DRILL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemKind of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
