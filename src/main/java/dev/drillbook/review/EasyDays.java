package dev.drillbook.review;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lighter weekdays, as Anki's "Easy Days": each weekday is {@code normal}, {@code reduced} (about half the usual
 * load) or {@code minimum} (as few reviews as possible). Only the load balancer uses them, so only intervals it
 * balances (up to {@value LoadBalancer#MAX_INTERVAL} days) avoid the lighter days.
 */
public record EasyDays(Level[] levels) {

    public enum Level {
        NORMAL(1.0), REDUCED(0.5), MINIMUM(0.0001);

        /** Share of the usual load; minimum is not quite 0, so a range of only minimum days still balances. */
        final double load;

        Level(double load) {
            this.load = load;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final EasyDays NONE = new EasyDays(new Level[] {Level.NORMAL, Level.NORMAL, Level.NORMAL, Level.NORMAL,
        Level.NORMAL, Level.NORMAL, Level.NORMAL});

    public EasyDays {
        if (levels == null || levels.length != 7) {
            throw new IllegalArgumentException("easy days need a level for each of the 7 weekdays");
        }
        levels = levels.clone();
    }

    public Level on(DayOfWeek day) {
        return levels[day.getValue() - 1];
    }

    public boolean any() {
        return Arrays.stream(levels).anyMatch(l -> l != Level.NORMAL);
    }

    /** "normal,normal,normal,normal,normal,reduced,minimum" (Monday first) → levels; a clear message for anything else. */
    public static EasyDays parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 7) {
            throw new IllegalArgumentException("easy days need 7 comma-separated levels (Monday first), got " + parts.length);
        }
        Level[] levels = new Level[7];
        for (int i = 0; i < 7; i++) {
            String p = parts[i].strip().toUpperCase(Locale.ROOT);
            try {
                levels[i] = Level.valueOf(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("easy day level \"" + parts[i].strip() + "\" is not normal, reduced or minimum");
            }
        }
        return new EasyDays(levels);
    }

    public String format() {
        return String.join(",", Arrays.stream(levels).map(Level::key).toList());
    }

    @Override
    public Level[] levels() {
        return levels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EasyDays e && Arrays.equals(levels, e.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return format();
    }
}
