package dev.drillbook.backup;

import dev.drillbook.grading.AttemptEntity;
import dev.drillbook.interview.ItemEntity;
import dev.drillbook.interview.ItemKind;
import dev.drillbook.interview.SessionEntity;
import dev.drillbook.quiz.CardKind;
import dev.drillbook.review.CardState;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every value of a backup document before anything of it is applied, and says what is wrong and where
 * ({@code reviewLog[3].rating: 9 is not a rating (1–4)}). A restore applies all of a backup or none of it, so a bad
 * value anywhere refuses the whole file; listing every problem at once spares the user a fix-and-retry loop.
 * Plain Java, no database: what is valid does not depend on what is stored.
 */
public final class BackupCheck {

    /** More problems than this are summarised: a file with thousands of bad rows needs no thousand lines. */
    static final int MAX_LISTED = 100;

    private static final Set<String> STATES = Arrays.stream(CardState.values()).map(Enum::name).collect(Collectors.toSet());
    private static final String STATE_NAMES = Arrays.stream(CardState.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final List<String> CARD_KINDS = Arrays.stream(CardKind.values()).map(CardKind::key).toList();
    private static final List<String> ITEM_KINDS = Arrays.stream(ItemKind.values()).map(ItemKind::id).toList();
    private static final List<String> ATTEMPT_STATUSES = List.of(AttemptEntity.PENDING, AttemptEntity.GRADED, AttemptEntity.FAILED,
            AttemptEntity.ASSESS);
    private static final List<String> SESSION_STATUSES = List.of(SessionEntity.ACTIVE, SessionEntity.GRADING, SessionEntity.FINISHED);
    private static final List<String> ITEM_STATUSES = List.of(ItemEntity.WAITING, ItemEntity.OPEN, ItemEntity.ANSWERED, ItemEntity.TIMED_OUT,
            ItemEntity.SKIPPED);
    /** FSRS stability is in days; ten times the longest interval Drillbook schedules is generous. */
    private static final double MAX_STABILITY = 365_000;
    /** FSRS difficulty lies in 1–10; 0 is a card never answered. */
    private static final double MAX_DIFFICULTY = 10;
    /** Card queues: deleted -3, buried -2, suspended -1, new 0, learning 1, review 2. */
    private static final int MIN_QUEUE = -3;
    private static final int MAX_QUEUE = 2;
    private static final long MAX_COUNT = Integer.MAX_VALUE;

    private final List<String> problems = new ArrayList<>();
    private int more;

    private BackupCheck() {
    }

    /** Everything wrong with the rows of {@code doc} (format and version are checked before); empty when it can be restored. */
    public static List<String> problems(JsonNode doc) {
        BackupCheck check = new BackupCheck();
        check.rows(doc, "cards", check::card);
        check.rows(doc, "reviewLog", check::review);
        check.rows(doc, "attempts", check::attempt);
        check.rows(doc, "drafts", check::draft);
        check.rows(doc, "sessions", check::session);
        if (check.more > 0) {
            check.problems.add("… and " + check.more + " more problems.");
        }
        return List.copyOf(check.problems);
    }

    private interface RowCheck {
        void check(JsonNode row, String where);
    }

    private void rows(JsonNode doc, String field, RowCheck check) {
        JsonNode rows = doc.get(field);
        if (rows == null || rows.isNull()) {
            return;
        }
        if (!rows.isArray()) {
            add(field + ": expected a list, found " + kind(rows) + ".");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            String where = field + "[" + i + "]";
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                add(where + ": expected an object, found " + kind(row) + ".");
            } else {
                check.check(row, where);
            }
        }
    }

    private void card(JsonNode c, String at) {
        text(c, at, "id", true, 16);
        text(c, at, "source", true, 1024);
        text(c, at, "fingerprint", true, 64);
        oneOf(c, at, "kind", CARD_KINDS, true);
        text(c, at, "deck", true, 255);
        text(c, at, "front", true, 100_000);
        text(c, at, "back", true, 100_000);
        text(c, at, "tags", true, 4000);
        text(c, at, "notes", true, 8000);
        integer(c, at, "queue", MIN_QUEUE, MAX_QUEUE, "a queue (-3 to 2)");
        state(c, at, "state", true);
        integer(c, at, "step", 0, MAX_COUNT, "a learning step (0 or more)");
        integer(c, at, "line", 0, MAX_COUNT, "a line number (0 or more)");
        number(c, at, "stability", 0, MAX_STABILITY);
        number(c, at, "difficulty", 0, MAX_DIFFICULTY);
        integer(c, at, "reps", 0, MAX_COUNT, "a count (0 or more)");
        integer(c, at, "lapses", 0, MAX_COUNT, "a count (0 or more)");
        // cards brought forward get positions before the first (negative)
        integer(c, at, "newOrder", Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
        bool(c, at, "leech");
        for (String f : List.of("due", "lastReview", "buriedUntil", "deletedAt")) {
            instant(c, at, f, false);
        }
        instant(c, at, "createdAt", true);
    }

    private void review(JsonNode r, String at) {
        text(r, at, "cardId", true, 16);
        integer(r, at, "rating", 1, 4, "a rating (1–4: again, hard, good, easy)");
        instant(r, at, "reviewedAt", true);
        integer(r, at, "elapsedDays", 0, MAX_COUNT, "a number of days (0 or more)");
        integer(r, at, "scheduledDays", 0, MAX_COUNT, "a number of days (0 or more)");
        state(r, at, "stateBefore", true);
        state(r, at, "stateAfter", true);
        integer(r, at, "stepBefore", 0, MAX_COUNT, "a learning step (0 or more)");
        number(r, at, "stabilityBefore", 0, MAX_STABILITY);
        number(r, at, "stabilityAfter", 0, MAX_STABILITY);
        number(r, at, "difficultyBefore", 0, MAX_DIFFICULTY);
        number(r, at, "difficultyAfter", 0, MAX_DIFFICULTY);
        integer(r, at, "queueBefore", MIN_QUEUE, MAX_QUEUE, "a queue (-3 to 2)");
        instant(r, at, "dueBefore", false);
        instant(r, at, "lastReviewBefore", false);
        instant(r, at, "dueAfter", true);
        bool(r, at, "leechBefore");
        bool(r, at, "undone");
        text(r, at, "parametersId", false, 16);
        if (present(r, "desiredRetention")) {
            number(r, at, "desiredRetention", 0.01, 0.999);
        }
    }

    private void attempt(JsonNode a, String at) {
        integer(a, at, "id", 0, Long.MAX_VALUE, "an id (0 or more)");
        oneOf(a, at, "kind", List.of("drill", "concept"), true);
        text(a, at, "drillId", false, 1024);
        text(a, at, "cardId", false, 16);
        text(a, at, "question", false, 100_000);
        text(a, at, "reference", false, 100_000);
        text(a, at, "answer", true, 400_000);
        text(a, at, "graderKind", false, 12);
        text(a, at, "graderModel", false, 255);
        text(a, at, "result", false, 1_000_000);
        text(a, at, "error", false, 4000);
        oneOf(a, at, "status", ATTEMPT_STATUSES, true);
        instant(a, at, "submittedAt", true);
        for (String f : List.of("startedAt", "gradedAt")) {
            instant(a, at, f, false);
        }
        integer(a, at, "timeUsedSeconds", 0, MAX_COUNT, "a number of seconds (0 or more)");
        integer(a, at, "timeLimitSeconds", 0, MAX_COUNT, "a number of seconds (0 or more)");
        number(a, at, "score", 0, 100);
    }

    private void draft(JsonNode d, String at) {
        text(d, at, "drillId", true, 1024);
        text(d, at, "answer", true, 400_000);
        instant(d, at, "startedAt", true);
        instant(d, at, "updatedAt", true);
    }

    private void session(JsonNode s, String at) {
        text(s, at, "formatId", true, 1024);
        text(s, at, "title", true, 500);
        oneOf(s, at, "status", SESSION_STATUSES, true);
        instant(s, at, "startedAt", true);
        instant(s, at, "finishedAt", false);
        number(s, at, "score", 0, 100);
        bool(s, at, "softLimits");
        bool(s, at, "queued");
        JsonNode items = s.get("items");
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            add(at + ".items: expected a list, found " + kind(items) + ".");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String where = at + ".items[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                add(where + ": expected an object, found " + kind(item) + ".");
                continue;
            }
            integer(item, where, "position", 0, MAX_COUNT, "a position (0 or more)");
            oneOf(item, where, "kind", ITEM_KINDS, true);
            oneOf(item, where, "status", ITEM_STATUSES, true);
            text(item, where, "refId", true, 1024);
            text(item, where, "prompt", true, 100_000);
            text(item, where, "reference", false, 100_000);
            text(item, where, "tags", true, 2000);
            text(item, where, "answer", false, 400_000);
            text(item, where, "followUp", false, 4000);
            text(item, where, "attempt", false, 4000);
            integer(item, where, "timeLimitSeconds", 0, MAX_COUNT, "a number of seconds (0 or more)");
            instant(item, where, "startedAt", false);
            instant(item, where, "endedAt", false);
        }
    }

    // ------------------------------------------------------------------ value checks

    private static boolean present(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v != null && !v.isNull();
    }

    /** Text of at most {@code max} characters (the column's size); required text may be empty but not missing. */
    private void text(JsonNode row, String at, String field, boolean required, int max) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                add(at + "." + field + ": missing.");
            }
        } else if (!v.isTextual()) {
            add(at + "." + field + ": expected text, found " + kind(v) + ".");
        } else if (v.asText().length() > max) {
            add(at + "." + field + ": " + v.asText().length() + " characters, more than the " + max + " it may have.");
        }
    }

    private void state(JsonNode row, String at, String field, boolean required) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                add(at + "." + field + ": missing (one of " + STATE_NAMES + ").");
            }
        } else if (!v.isTextual() || !STATES.contains(v.asText())) {
            add(at + "." + field + ": " + show(v) + " is not a card state (one of " + STATE_NAMES + ").");
        }
    }

    private void oneOf(JsonNode row, String at, String field, List<String> allowed, boolean required) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                add(at + "." + field + ": missing (one of " + String.join(", ", allowed) + ").");
            }
        } else if (!v.isTextual() || !allowed.contains(v.asText())) {
            add(at + "." + field + ": " + show(v) + " is not one of " + String.join(", ", allowed) + ".");
        }
    }

    private void integer(JsonNode row, String at, String field, long min, long max, String what) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            add(at + "." + field + ": " + show(v) + " is not " + what + ".");
        }
    }

    private void number(JsonNode row, String at, String field, double min, double max) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
            add(at + "." + field + ": " + show(v) + " is not a number from " + plain(min) + " to " + plain(max) + ".");
        }
    }

    private void bool(JsonNode row, String at, String field) {
        JsonNode v = row.get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            add(at + "." + field + ": " + show(v) + " is not true or false.");
        }
    }

    private void instant(JsonNode row, String at, String field, boolean required) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                add(at + "." + field + ": missing (a time such as 2026-01-31T08:00:00Z).");
            }
            return;
        }
        if (v.isNumber()) {
            // Jackson's own numeric form (seconds since 1970, with fractions); written by nothing but accepted
            return;
        }
        try {
            if (!v.isTextual()) {
                throw new DateTimeParseException("not text", v.toString(), 0);
            }
            Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            add(at + "." + field + ": " + show(v) + " is not a time (expected e.g. 2026-01-31T08:00:00Z).");
        }
    }

    private void add(String problem) {
        if (problems.size() < MAX_LISTED) {
            problems.add(problem);
        } else {
            more++;
        }
    }

    private static String show(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static String kind(JsonNode v) {
        return v.isArray() ? "a list" : v.isObject() ? "an object" : v.isTextual() ? "text" : v.isNumber() ? "a number"
                : v.isBoolean() ? "true/false" : "null";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
