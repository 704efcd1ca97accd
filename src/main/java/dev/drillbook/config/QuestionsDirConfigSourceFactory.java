package dev.drillbook.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chooses {@code drillbook.questions-dir} when it is not set, so that a user's own vault comes with only the user's
 * cards and the bundled decks are opt-in:
 * <ul>
 * <li>serving the bundled vault ({@code notes/} in the working directory, the default): the bundled {@code questions/}
 * next to it;</li>
 * <li>serving another vault: that vault's own {@code questions/} folder; when it has none, that (absent) folder, which
 * reads as no cards, drills or interview formats.</li>
 * </ul>
 * Setting {@code drillbook.questions-dir} (e.g. {@code DRILLBOOK_QUESTIONS_DIR}) anywhere wins: the ordinal is low.
 */
public class QuestionsDirConfigSourceFactory implements ConfigSourceFactory {

    static final String BUNDLED_NOTES = "notes";
    static final String BUNDLED_QUESTIONS = "questions";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String explicit = value(context, "drillbook.questions-dir");
        if (explicit != null && !explicit.isBlank()) {
            return List.of();
        }
        String notes = value(context, "drillbook.notes-dir");
        Path chosen = choose(Path.of(notes == null || notes.isBlank() ? BUNDLED_NOTES : notes), Path.of(""));
        return List.of(new PropertiesConfigSource(Map.of("drillbook.questions-dir", chosen.toString()), "drillbook-questions", 40));
    }

    /** The questions folder for a vault when none is configured; {@code workingDir} is where the bundled folders are. */
    static Path choose(Path notesDir, Path workingDir) {
        Path base = workingDir.toAbsolutePath().normalize();
        Path notes = base.resolve(notesDir).normalize();
        if (notes.equals(base.resolve(BUNDLED_NOTES)) && Files.isDirectory(base.resolve(BUNDLED_QUESTIONS))) {
            return base.resolve(BUNDLED_QUESTIONS);
        }
        return notes.resolve(BUNDLED_QUESTIONS);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
