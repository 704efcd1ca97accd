package dev.drillbook.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Runs a test class against a real PostgreSQL instead of H2: the app built with the {@code pg} profile, pointed at
 * {@code DRILLBOOK_TEST_PG_URL} (user and password in {@code DRILLBOOK_TEST_PG_USER} / {@code _PASSWORD}). The schema
 * is emptied first, so every run starts from the migrations. {@code .ci/run} installs and starts the server.
 */
public class PostgresProfile implements QuarkusTestProfile {

    public static final String URL = "DRILLBOOK_TEST_PG_URL";

    @Override
    public String getConfigProfile() {
        return "pg";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmptySchema.class));
    }

    /** Drops and recreates the public schema before the app starts. */
    public static class EmptySchema implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String url = System.getenv(URL);
            String user = System.getenv().getOrDefault("DRILLBOOK_TEST_PG_USER", "drillbook");
            String password = System.getenv().getOrDefault("DRILLBOOK_TEST_PG_PASSWORD", "drillbook");
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the PostgreSQL test database at " + url + ": " + e.getMessage(), e);
            }
            return Map.of("drillbook.db.url", url, "drillbook.db.user", user, "drillbook.db.password", password,
                    "quarkus.datasource.db-kind", "postgresql");
        }

        @Override
        public void stop() {
        }
    }
}
