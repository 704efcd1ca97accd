package dev.drillbook.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives the JDBC URL from {@code drillbook.data-dir} (H2 refuses paths that are implicitly relative, and users
 * should not have to know that), unless {@code drillbook.db.url} names another database. Low ordinal: an explicit
 * {@code quarkus.datasource.jdbc.url} anywhere still wins.
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    static final String DEFAULT_DATA_DIR = "data";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String explicit = value(context, "drillbook.db.url");
        String url;
        String user = "sa";
        String password = "";
        if (explicit != null && !explicit.isBlank()) {
            url = explicit;
            user = Objects.requireNonNullElse(value(context, "drillbook.db.user"), "");
            password = Objects.requireNonNullElse(value(context, "drillbook.db.password"), "");
        } else {
            String dataDir = value(context, "drillbook.data-dir");
            Path dir = Path.of(dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir).toAbsolutePath().normalize();
            // WRITE_DELAY=0: H2 otherwise writes committed changes up to 500 ms later, and a review answered just
            // before a crash (or kill -9) would be lost.
            url = "jdbc:h2:file:" + dir.resolve("drillbook").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", user,
                "quarkus.datasource.password", password), "drillbook-database", 50));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
