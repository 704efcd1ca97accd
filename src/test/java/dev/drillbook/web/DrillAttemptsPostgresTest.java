package dev.drillbook.web;

import dev.drillbook.support.PostgresProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** {@link DrillAttemptsTest} against PostgreSQL (same migrations, same API); runs where {@code .ci/run} provides a server. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL, matches = ".+")
class DrillAttemptsPostgresTest extends DrillAttemptsTest {
}
