package dev.drillbook.settings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * A typed settings key: its stored name and how its value is written as text and read back. Features declare their
 * keys as constants, e.g. {@code static final Setting<Double> RETENTION = Setting.decimal("srs.desired-retention", 0.7, 0.99)}.
 *
 * @param name the row's key; prefixed by the feature ({@code srs.}, …)
 * @param parse text → value; throws {@link IllegalArgumentException} with a readable message for bad text
 * @param format value → text
 */
public record Setting<T>(String name, Function<String, T> parse, Function<T, String> format) {

    public Setting {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a setting needs a name of 1–200 characters");
        }
    }

    public static Setting<String> text(String name) {
        return new Setting<>(name, s -> s, s -> s);
    }

    public static Setting<Boolean> flag(String name) {
        return new Setting<>(name, s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got \"" + s + "\"");
        }, String::valueOf);
    }

    /** A number within [min, max]. */
    public static Setting<Double> decimal(String name, double min, double max) {
        return new Setting<>(name, s -> {
            double v;
            try {
                v = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got \"" + s + "\"");
            }
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        }, String::valueOf);
    }

    /** An ISO date, {@code 2025-06-30}. */
    public static Setting<LocalDate> date(String name) {
        return new Setting<>(name, s -> {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be a date like 2025-06-30, got \"" + s + "\"");
            }
        }, LocalDate::toString);
    }

    /** Checks a value by writing it and reading it back: the error a bad value would cause on read, raised now. */
    T validated(T value) {
        return parse.apply(format.apply(value));
    }
}
