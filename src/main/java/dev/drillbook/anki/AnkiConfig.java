package dev.drillbook.anki;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Limits and links for Anki packages ({@code drillbook.anki.*}). */
@ConfigMapping(prefix = "drillbook.anki")
public interface AnkiConfig {

    /** Largest .apkg accepted for import; a bigger upload is refused with 413. The HTTP body limit must be at least this. */
    @WithDefault("64M")
    MemorySize maxPackageSize();

    /** Largest size any one file in a package may unpack to (the collection, a media file): stops zip and zstd bombs. */
    @WithDefault("512M")
    MemorySize maxUnpackedSize();

    /**
     * Where Drillbook runs (for example {@code https://drill.example.org}), used to keep links into Drillbook in exported
     * notes as absolute links; unset, such links become plain text.
     */
    Optional<String> siteUrl();
}
