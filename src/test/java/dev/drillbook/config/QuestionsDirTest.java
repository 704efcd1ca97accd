package dev.drillbook.config;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which questions folder a vault gets when none is configured: the bundled decks only for the bundled vault. */
class QuestionsDirTest {

    @TempDir
    Path clone;

    @Test
    void bundledVaultGetsBundledQuestions() throws IOException {
        Files.createDirectories(clone.resolve("notes"));
        Files.createDirectories(clone.resolve("questions"));
        assertEquals(clone.resolve("questions"), QuestionsDirConfigSourceFactory.choose(Path.of("notes"), clone));
        assertEquals(clone.resolve("questions"), QuestionsDirConfigSourceFactory.choose(clone.resolve("notes"), clone));
    }

    @Test
    void ownVaultGetsItsOwnQuestionsFolderNeverTheBundledOne() throws IOException {
        Files.createDirectories(clone.resolve("questions"));
        Path own = Files.createDirectories(clone.resolve("elsewhere/Interview"));
        assertEquals(own.resolve("questions"), QuestionsDirConfigSourceFactory.choose(own, clone));
        // With no questions/ of its own the folder does not exist: no cards, drills or formats.
        assertEquals(false, Files.exists(QuestionsDirConfigSourceFactory.choose(own, clone)));
    }

    @Test
    void explicitSettingWins() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("drillbook.notes-dir", "/v", "drillbook.questions-dir", "/q"), "test", 250))
                .withSources(new QuestionsDirConfigSourceFactory()).build();
        assertEquals("/q", config.getRawValue("drillbook.questions-dir"));

        SmallRyeConfig unset = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("drillbook.notes-dir", "/v"), "test", 250))
                .withSources(new QuestionsDirConfigSourceFactory()).build();
        assertEquals(Path.of("/v/questions").toString(), unset.getRawValue("drillbook.questions-dir"));
    }
}
