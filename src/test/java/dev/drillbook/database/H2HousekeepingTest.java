package dev.drillbook.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compaction of a real H2 file written the way Drillbook writes it: WRITE_DELAY=0, one small commit per answer. */
class H2HousekeepingTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    /** As the app opens it, except that chunks become reusable at once instead of after H2's 45 s retention time. */
    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";
    }

    @Test
    void compactionRaisesTheFillRateAndKeepsEveryRow() throws Exception {
        long expectedSum;
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            fragment(c);
            expectedSum = checksum(c);
            H2Housekeeping.Round probe = H2Housekeeping.compact(c, 80, 1 << 20, 0, Duration.ZERO);
            assertTrue(probe.fillBefore() < 60, "one commit per update leaves the chunks mostly dead: " + probe);

            H2Housekeeping.Round round = H2Housekeeping.compact(c, 80, 1 << 20, 1000, Duration.ZERO);

            assertTrue(round.steps() > 0, round.toString());
            assertTrue(round.fillAfter() >= 80, "compacted to the target: " + round);
            assertEquals(expectedSum, checksum(c), "same rows while open");
        }
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertEquals(expectedSum, checksum(c), "same rows after reopening: the moved pages were committed");
        }
    }

    @Test
    void aCompactFileIsLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            fragment(c);
            H2Housekeeping.compact(c, 80, 1 << 20, 1000, Duration.ZERO);

            H2Housekeeping.Round again = H2Housekeeping.compact(c, 80, 1 << 20, 1000, Duration.ZERO);

            assertEquals(0, again.steps(), again.toString());
        }
    }

    /** Rows inserted in batches, then updated one commit at a time, as answers update cards. */
    private static void fragment(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE item (id INT PRIMARY KEY, label VARCHAR(100) NOT NULL, n BIGINT NOT NULL)");
            st.execute("CREATE INDEX item_n ON item (n)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, "row " + i + " with some text to fill the page");
                insert.setLong(3, i);
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        Random random = new Random(11);
        try (PreparedStatement update = c.prepareStatement("UPDATE item SET n = n + ? WHERE id = ?")) {
            for (int i = 0; i < 3000; i++) {
                update.setLong(1, 1 + random.nextInt(1000));
                update.setInt(2, random.nextInt(ROWS));
                update.executeUpdate();
                c.commit();
            }
        }
        c.setAutoCommit(true);
    }

    private static long checksum(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(n), SUM(LENGTH(label)) FROM item")) {
            rs.next();
            assertEquals(ROWS, rs.getInt(1));
            return rs.getLong(2) * 31 + rs.getLong(3);
        }
    }
}
