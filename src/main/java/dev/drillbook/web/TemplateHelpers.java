package dev.drillbook.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers for templates. */
@TemplateExtension
public class TemplateHelpers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** {@code {note.modified.ago}} → "3 days ago". */
    static String ago(Instant instant) {
        Duration d = Duration.between(instant, Instant.now());
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 60) {
            return plural(d.toDays(), "day") + " ago";
        }
        return DATE.format(instant);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(java.time.ZoneId.systemDefault());

    /** "3 Mar 2026, 14:05" in the server's time zone (Drillbook runs where its user is). */
    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** {@code {index.plusOne}}: positions shown from 1. */
    static int plusOne(int n) {
        return n + 1;
    }

    /** A one-line preview of Markdown text: markup and line breaks dropped, at most 140 characters. */
    static String shortText(String markdown) {
        String t = markdown == null ? "" : markdown.replaceAll("[#*_`>]+", "").replaceAll("\\s+", " ").strip();
        return t.length() <= 140 ? t : t.substring(0, 137) + "…";
    }

    /** CSS class of a 0–100 grade's band. */
    static String bandClass(Integer grade) {
        return DrillPages.bandClass(grade);
    }

    /** A 0–3 level as a bar width. */
    static long levelPercent(double level) {
        return Math.round(level / 3 * 100);
    }

    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** {@code {seconds.clock}} → "7:05". */
    static String clock(int seconds) {
        return seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
    }

    /** {@code {instant.date}} → "3 Mar 2026". */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** {@code {count.plural('note')}} → "1 note", "3 notes". */
    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code {count.plural('note')}} for ints. */
    static String plural(int count, String noun) {
        return plural((long) count, noun);
    }

    /** {@code {n.thousands}} → "10,000". */
    static String thousands(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** {@code {path.urlEncode}} for query parameters. */
    static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
