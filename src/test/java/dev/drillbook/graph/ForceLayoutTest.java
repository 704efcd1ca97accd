package dev.drillbook.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForceLayoutTest {

    /** Two triangles joined by nothing: linked nodes end up closer to each other than to the other triangle. */
    @Test
    void linkedNodesEndUpCloserThanUnlinkedOnes() {
        int[][] edges = {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}};
        double[] pos = ForceLayout.layout(6, edges, 150, 7);
        for (double v : pos) {
            assertFalse(Double.isNaN(v) || Double.isInfinite(v));
        }
        double within = (dist(pos, 0, 1) + dist(pos, 1, 2) + dist(pos, 3, 4) + dist(pos, 4, 5)) / 4;
        double across = (dist(pos, 0, 3) + dist(pos, 1, 4) + dist(pos, 2, 5)) / 3;
        assertTrue(within < across, "within " + within + " across " + across);
    }

    @Test
    void sameSeedSameLayout() {
        int[][] edges = {{0, 1}, {1, 2}};
        assertArrayEquals(ForceLayout.layout(3, edges, 50, 42), ForceLayout.layout(3, edges, 50, 42));
    }

    private static double dist(double[] pos, int a, int b) {
        return Math.hypot(pos[2 * a] - pos[2 * b], pos[2 * a + 1] - pos[2 * b + 1]);
    }
}
