package dev.drillbook.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Study days, as in Anki: a day starts at a set hour (4 am by default) in the user's time zone, so a late-night
 * session still counts as the day it began.
 */
public record StudyDay(ZoneId zone, int startHour) {

    public StudyDay {
        if (startHour < 0 || startHour > 23) {
            throw new IllegalArgumentException("drillbook.srs.day-starts-at must be an hour from 0 to 23, got " + startHour);
        }
    }

    /** The calendar date a moment belongs to. */
    public LocalDate dateOf(Instant moment) {
        return moment.atZone(zone).minusHours(startHour).toLocalDate();
    }

    public Instant start(LocalDate date) {
        return ZonedDateTime.of(date.atTime(startHour, 0), zone).toInstant();
    }

    public Instant startOf(Instant moment) {
        return start(dateOf(moment));
    }

    public Instant nextStart(Instant moment) {
        return start(dateOf(moment).plusDays(1));
    }
}
