package dev.drillbook.database;

import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The housekeeping reaches H2's store through the app's pooled datasource (Agroal's connection wrapper). */
@QuarkusTest
@QuarkusTestResource(VaultTestResource.class)
class H2HousekeepingAppTest {

    @Inject
    H2Housekeeping housekeeping;

    @Test
    void aRoundRunsOnTheAppsDatabase() throws Exception {
        H2Housekeeping.Round round = housekeeping.run();

        assertTrue(round.fillBefore() >= 0 && round.fillBefore() <= 100, round.toString());
        assertTrue(round.steps() <= H2Housekeeping.STEPS_PER_ROUND, round.toString());
        assertTrue(round.steps() == 0 || round.fillAfter() >= round.fillBefore(), "compaction never lowers the fill: " + round);
    }
}
