package dev.drillbook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Drillbook's settings. Every item can also be given as an environment variable: {@code drillbook.notes-dir} is
 * {@code DRILLBOOK_NOTES_DIR}. Defaults suit running from a clone of the repository.
 */
@ConfigMapping(prefix = "drillbook")
public interface DrillbookConfig {

    /** The Obsidian vault: Markdown notes and their attachments. Relative paths are relative to the working directory. */
    @WithDefault("notes")
    Path notesDir();

    /** Card files, drills, behavioural questions and interview formats. */
    @WithDefault("questions")
    Path questionsDir();

    /** Where Drillbook keeps its own state (the H2 database files). Safe to back up; never holds notes. */
    @WithDefault("data")
    Path dataDir();

    /** How the vault is read and kept up to date. */
    VaultSettings vault();

    /** Spaced repetition: the FSRS-6 scheduler and daily limits. */
    SrsSettings srs();

    interface SrsSettings {

        /** Probability of recall to aim for when a card comes back (0.7–0.97 is sensible; higher means more reviews). */
        @WithDefault("0.9")
        double desiredRetention();

        /** Waits between the first answers of a new card, e.g. {@code 1m,10m} (units s, m, h, d; empty: none). */
        @WithDefault("1m,10m")
        String learningSteps();

        /** Waits after forgetting a card before it returns to day intervals. */
        @WithDefault("10m")
        String relearningSteps();

        /** Longest interval between reviews, in days. */
        @WithDefault("36500")
        int maximumInterval();

        /** The 21 FSRS-6 weights, comma-separated (default: the published FSRS-6 defaults). */
        java.util.Optional<String> parameters();

        /** Spread intervals a little so cards learned together do not always come back together. */
        @WithDefault("true")
        boolean fuzz();

        /** New cards introduced per day (across all decks). */
        @WithDefault("20")
        int newPerDay();

        /** Review cards shown per day (across all decks). */
        @WithDefault("200")
        int reviewsPerDay();

        /** Hour (0–23, local time) when a study day starts, as Anki's "next day starts at". */
        @WithDefault("4")
        int dayStartsAt();

        /** Time zone for study days; the system's by default. */
        java.util.Optional<String> timeZone();

        /** Lapses after which a card is flagged as a leech. */
        @WithDefault("8")
        int leechLapses();
    }

    interface VaultSettings {

        /** Watch the vault folders and apply changes live (off: read once at start). */
        @WithDefault("true")
        boolean watch();

        /** Quiet time after the last file event before a batch of changes is applied. */
        @WithDefault("75ms")
        Duration debounce();

        /** How deep embeds inside embeds are expanded before a link is shown instead. */
        @WithDefault("4")
        int embedDepth();

        /** Longest a page request waits for the first vault load before showing the loading screen. */
        @WithDefault("2s")
        Duration pageLoadWait();
    }
}
