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

    /**
     * Card files, drills, behavioural questions and interview formats. Unset: the bundled {@code questions/} when the
     * bundled vault is served, otherwise the vault's own {@code questions/} folder, if any (see
     * {@link QuestionsDirConfigSourceFactory}).
     */
    Path questionsDir();

    /**
     * Where Drillbook keeps its own state: the H2 database files and the vault index (what it read from the notes,
     * and the search index). Safe to back up or delete (the index is rebuilt); never holds notes.
     */
    @WithDefault("data")
    Path dataDir();

    /** How the vault is read and kept up to date. */
    VaultSettings vault();

    /** Spaced repetition: the FSRS-6 scheduler and daily limits. */
    SrsSettings srs();

    /**
     * Another database instead of the embedded H2 file (read by {@link DatabaseUrlConfigSourceFactory} before the
     * datasource starts). PostgreSQL needs the app built and run with the {@code pg} profile; see README.
     */
    DbSettings db();

    interface DbSettings {
        /** JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/drillbook}. Unset: H2 under {@code data-dir}. */
        java.util.Optional<String> url();

        java.util.Optional<String> user();

        /** Never logged. */
        java.util.Optional<String> password();

        /**
         * How often the embedded H2 file is checked for half-empty space and compacted in small steps
         * ({@link dev.drillbook.database.H2Housekeeping}); {@code 0s} turns it off. Not used with another database.
         */
        @WithDefault("5s")
        Duration housekeepingInterval();
    }

    /** The LLM judge for drills and free-text answers. Without a base URL, answers get the offline estimate. */
    LlmSettings llm();

    /** Measuring graders against human grades. */
    CalibrationSettings calibration();

    /** Sign-in for everything personal; off (everything open) until a password hash is set. */
    AuthSettings auth();

    /** Which requests are served at all. */
    SecuritySettings security();

    interface SecuritySettings {

        /**
         * Host names (as the browser's Host header names them, without the port) the app answers to; any other
         * host gets a 421, so a page on another site cannot reach this one through DNS rebinding. {@code *} allows
         * any. Serving beyond this machine: add the name or address users type (e.g. {@code notes.example.org}).
         */
        @WithDefault("localhost,127.0.0.1,[::1]")
        java.util.List<String> allowedHosts();
    }

    interface AuthSettings {

        /** bcrypt hash of the password (see README, "Access"). Unset: no sign-in; the app warns if served beyond localhost. */
        java.util.Optional<String> passwordHash();

        /** A secret for the JSON API and MCP clients, sent as {@code Authorization: Bearer <token>}. */
        java.util.Optional<String> apiToken();

        /** Whether reading notes (pages, search, graph and their JSON) stays open to everyone. */
        @WithDefault("true")
        boolean publicNotes();

        /** How long a sign-in lasts. */
        @WithDefault("12h")
        Duration sessionTimeout();

        /** Failed sign-ins allowed per client within {@code login-window}. */
        @WithDefault("5")
        int loginAttempts();

        @WithDefault("5m")
        Duration loginWindow();
    }

    interface LlmSettings {

        /**
         * An OpenAI-compatible endpoint, e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1} (Ollama)
         * or {@code http://localhost:8000/v1} (vLLM). Unset: no judge, offline estimates only.
         */
        java.util.Optional<String> baseUrl();

        /** Sent only to {@code base-url} as a bearer token; never logged or shown. Local servers usually need none. */
        java.util.Optional<String> apiKey();

        /** The model name the endpoint expects. */
        @WithDefault("gpt-4o-mini")
        String model();

        /** Longest wait for one reply; local models on a CPU can need minutes. */
        @WithDefault("120s")
        Duration timeout();

        /**
         * Longest time one answer may take to grade, all calls, retries, waits and the repair request together; past it
         * the attempt fails with the reason (and can be graded again).
         */
        @WithDefault("10m")
        Duration deadline();

        /** Retries after HTTP 429 or 5xx, with exponential backoff (at least the endpoint's {@code Retry-After}). */
        @WithDefault("3")
        int maxRetries();

        /** First wait before a retry; doubled on each further retry. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** Judge calls in flight at once, whatever makes them: drill and concept grading, follow-ups, calibration. */
        @WithDefault("2")
        int concurrency();
    }

    interface CalibrationSettings {

        /** The Mohler et al. (2011) short-answer set (tab-separated, {@code mohler_v2_clean.tsv}); not shipped with Drillbook. */
        java.util.Optional<Path> mohlerFile();

        /** Answers taken from the Mohler set when the LLM judge is calibrated (every answer for the offline estimate). */
        @WithDefault("120")
        int llmSample();
    }

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

        /**
         * Spread review intervals of up to 90 days over their fuzz range by how many cards each day already has
         * (Anki's load balancer); needs {@code fuzz}. The Settings page overrides it.
         */
        @WithDefault("true")
        boolean loadBalancing();

        /**
         * Lighter weekdays for the load balancer, Monday first, e.g. {@code normal,normal,normal,normal,normal,reduced,minimum}
         * (default: all normal). The Settings page overrides it.
         */
        java.util.Optional<String> easyDays();

        /** Desired retention for the cards of an interview's topics until its day (set on the Settings page). */
        @WithDefault("0.95")
        double interviewRetention();
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

        /** Largest note file read, in bytes; a larger one is listed on the problems page instead (it would fill memory). */
        @WithDefault("5000000")
        long maxNoteSize();

        /**
         * Longest a note may take to render; a slower one is shown as its text and listed on the problems page
         * (an ordinary note renders in a few milliseconds).
         */
        @WithDefault("5s")
        Duration renderTimeout();
    }
}
