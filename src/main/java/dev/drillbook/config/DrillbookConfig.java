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
