package dev.drillbook.database;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps the embedded H2 file compact while the app runs.
 * <p>
 * Drillbook opens H2 with {@code WRITE_DELAY=0} so that an answer is on disk when the API returns. That setting also
 * stops H2's background writer, and that thread is what normally rewrites half-empty chunks: without it, every commit
 * leaves part of an older chunk dead and the file only grows. Measured on a 100,000-card database: 3 GB at 24 % fill,
 * and an answer took twice the time it took after compaction, because each commit also rewrote the metadata of
 * thousands of fragments. This class does the background writer's compaction on a timer instead, in small steps, and
 * commits each step itself so that no user request pays for writing it.
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);

    /** Compact when less than this share of the chunks' space is live (H2's own background writer aims for 90). */
    static final int TARGET_FILL_PERCENT = 80;
    /** Bytes rewritten per step: a step holds H2's store lock, and a commit waiting for it should wait milliseconds. */
    static final int STEP_BYTES = 256 << 10;
    /**
     * Pause between steps. H2's store lock is not fair: without a pause, the next step could take it again before a
     * commit that waited for the last one.
     */
    static final Duration STEP_PAUSE = Duration.ofMillis(20);
    /** Steps per round; a badly fragmented file is worked down over several rounds. */
    static final int STEPS_PER_ROUND = 64;
    /** The vault load owns the CPU first. */
    static final Duration FIRST_ROUND_AFTER = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    /**
     * The runtime URL, not {@code quarkus.datasource.db-kind}: the packaged app can be re-augmented for PostgreSQL, and
     * then the db-kind read at runtime can still be the one written in application.properties.
     */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    dev.drillbook.config.DrillbookConfig config;

    @Inject
    Scheduler scheduler;

    /** What one round found and did. Fill rates are percentages of the chunks' space that is live. */
    public record Round(int fillBefore, int fillAfter, int steps, long millis) {
    }

    void start(@Observes StartupEvent event) {
        Duration interval = config.db().housekeepingInterval();
        if (!jdbcUrl.startsWith("jdbc:h2:") || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler.newJob("h2-housekeeping").setInterval(interval.toString()).setDelayed(FIRST_ROUND_AFTER.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> runQuietly()).schedule();
    }

    private void runQuietly() {
        try {
            Round round = run();
            if (round.steps() > 0) {
                LOG.debugf("H2 compaction: fill %d%% -> %d%% in %d steps, %d ms", round.fillBefore(), round.fillAfter(),
                        round.steps(), round.millis());
            }
        } catch (RuntimeException | SQLException e) {
            // a closing database or a busy store; the next round tries again
            LOG.debugf("H2 compaction skipped: %s", e.getMessage());
        }
    }

    /** One round on the app's database. The pooled connection only leads to the store and goes back at once. */
    public Round run() throws SQLException {
        org.h2.mvstore.MVStore store;
        try (Connection connection = dataSource.getConnection()) {
            store = store(connection);
        }
        return compact(store, TARGET_FILL_PERCENT, STEP_BYTES, STEPS_PER_ROUND, STEP_PAUSE);
    }

    private static org.h2.mvstore.MVStore store(Connection connection) throws SQLException {
        return ((org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                .getDatabase().getStore().getMvStore();
    }

    /**
     * Rewrites the emptiest chunks of the H2 database behind {@code connection} until at least {@code targetFill}
     * percent of the chunks' space is live or {@code maxSteps} steps of {@code stepBytes} were written, pausing
     * {@code pause} between steps. Chunks written in the last 45 s (H2's retention time) are not touched.
     */
    public static Round compact(Connection connection, int targetFill, int stepBytes, int maxSteps, Duration pause) throws SQLException {
        return compact(store(connection), targetFill, stepBytes, maxSteps, pause);
    }

    private static Round compact(org.h2.mvstore.MVStore store, int targetFill, int stepBytes, int maxSteps, Duration pause) {
        long start = System.nanoTime();
        int before = store.getFileStore().getChunksFillRate();
        int steps = 0;
        while (steps < maxSteps && store.getFileStore().getChunksFillRate() < targetFill && store.compact(targetFill, stepBytes)) {
            // write the moved pages now, under this thread, rather than in the next answer's commit
            store.commit();
            steps++;
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new Round(before, store.getFileStore().getChunksFillRate(), steps, (System.nanoTime() - start) / 1_000_000);
    }
}
