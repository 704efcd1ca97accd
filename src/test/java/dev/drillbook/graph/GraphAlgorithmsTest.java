package dev.drillbook.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Graph algorithms on small graphs whose answers were checked by hand or with an independent method. */
class GraphAlgorithmsTest {

    /**
     * A→B, A→C, B→C, C→A, D→C with damping 0.85. Golden values from solving (I − dM)r = (1−d)/n as a linear
     * system (numpy.linalg.solve), an independent method from the power iteration under test.
     */
    @Test
    void pageRankMatchesTheLinearSystemSolution() {
        int[][] out = {{1, 2}, {2}, {0}, {2}};
        double[] rank = GraphAlgorithms.pageRank(out, 0.85, 200, 1e-12);
        assertArrayEquals(new double[] {0.37252685, 0.19582391, 0.39414924, 0.0375}, rank, 1e-7);
    }

    /** A→B→C with C dangling: C's rank is spread over all nodes (golden values from the linear solve). */
    @Test
    void danglingNodesSpreadTheirRankEvenly() {
        double[] rank = GraphAlgorithms.pageRank(new int[][] {{1}, {2}, {}}, 0.85, 200, 1e-12);
        assertArrayEquals(new double[] {0.18441678, 0.34117105, 0.47441217}, rank, 1e-7);
        assertEquals(1.0, rank[0] + rank[1] + rank[2], 1e-12);
    }

    @Test
    void symmetricCycleIsUniform() {
        double[] rank = GraphAlgorithms.pageRank(new int[][] {{1}, {2}, {0}}, 0.85, 200, 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, rank, 1e-9);
    }

    @Test
    void dampingOutsideTheUnitIntervalIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GraphAlgorithms.pageRank(new int[][] {{}}, 1.5, 10, 1e-9));
    }

    @Test
    void componentsAreNumberedInOrderOfTheirFirstNode() {
        // 0–1–2 ; 3–4 ; 5 alone
        int[][] undirected = {{1}, {0, 2}, {1}, {4}, {3}, {}};
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 2}, GraphAlgorithms.components(undirected));
    }

    @Test
    void shortestPathPrefersLowerIdsAmongEqualLengths() {
        // 0 connects to 1 and 2, both connect to 3: two shortest paths 0-1-3 and 0-2-3
        int[][] adjacency = {{1, 2}, {0, 3}, {0, 3}, {1, 2}, {}};
        assertEquals(List.of(0, 1, 3), GraphAlgorithms.shortestPath(adjacency, 0, 3));
        assertEquals(List.of(2), GraphAlgorithms.shortestPath(adjacency, 2, 2));
        assertEquals(List.of(), GraphAlgorithms.shortestPath(adjacency, 0, 4), "unreachable");
        assertEquals(List.of(), GraphAlgorithms.shortestPath(adjacency, 0, 9), "unknown node");
    }

    @Test
    void neighbourhoodStopsAtTheDepth() {
        // a path 0-1-2-3-4
        int[][] path = {{1}, {0, 2}, {1, 3}, {2, 4}, {3}};
        assertEquals(List.of(2, 1, 3), GraphAlgorithms.neighbourhood(path, 2, 1));
        assertEquals(List.of(2, 1, 3, 0, 4), GraphAlgorithms.neighbourhood(path, 2, 2));
    }
}
