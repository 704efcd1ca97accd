package dev.drillbook.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Graph algorithms over integer node ids {@code 0..n-1} with adjacency lists. Pure functions: no framework types,
 * no clocks, results never alias the inputs.
 */
public final class GraphAlgorithms {

    /** PageRank's usual damping factor (Brin & Page, 1998). */
    public static final double DAMPING_DEFAULT = 0.85;
    /** Iteration cap for PageRank; it stops earlier when the change falls under {@link #TOLERANCE_DEFAULT}. */
    public static final int ITERATIONS_DEFAULT = 100;
    public static final double TOLERANCE_DEFAULT = 1e-10;

    private GraphAlgorithms() {
    }

    /**
     * PageRank by power iteration. Nodes without outgoing edges spread their rank evenly over all nodes, so the
     * scores always sum to 1. O(iterations × (n + m)).
     *
     * @param out {@code out[i]} are the targets of node i's edges (duplicates and self-loops are the caller's choice)
     */
    public static double[] pageRank(int[][] out, double damping, int maxIterations, double tolerance) {
        if (damping < 0 || damping > 1) {
            throw new IllegalArgumentException("damping must be in [0, 1]: " + damping);
        }
        int n = out.length;
        if (n == 0) {
            return new double[0];
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / n);
        double[] next = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (out[i].length == 0) {
                    dangling += rank[i];
                }
            }
            double base = (1 - damping) / n + damping * dangling / n;
            Arrays.fill(next, base);
            for (int i = 0; i < n; i++) {
                if (out[i].length > 0) {
                    double share = damping * rank[i] / out[i].length;
                    for (int target : out[i]) {
                        next[target] += share;
                    }
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                change += Math.abs(next[i] - rank[i]);
            }
            double[] swap = rank;
            rank = next;
            next = swap;
            if (change < tolerance) {
                break;
            }
        }
        return rank;
    }

    /** Weakly connected components: {@code result[i]} is the component of node i, numbered from 0 by first node. O(n + m). */
    public static int[] components(int[][] undirected) {
        int n = undirected.length;
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int next = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (component[start] >= 0) {
                continue;
            }
            component[start] = next;
            stack.push(start);
            while (!stack.isEmpty()) {
                int node = stack.pop();
                for (int neighbour : undirected[node]) {
                    if (component[neighbour] < 0) {
                        component[neighbour] = next;
                        stack.push(neighbour);
                    }
                }
            }
            next++;
        }
        return component;
    }

    /**
     * A shortest path from {@code from} to {@code to} by breadth-first search, ends included; empty when there is
     * none. Among several shortest paths, the one through lower node ids is found first. O(n + m).
     */
    public static List<Integer> shortestPath(int[][] adjacency, int from, int to) {
        int n = adjacency.length;
        if (from < 0 || to < 0 || from >= n || to >= n) {
            return List.of();
        }
        if (from == to) {
            return List.of(from);
        }
        int[] previous = new int[n];
        Arrays.fill(previous, -1);
        previous[from] = from;
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int neighbour : adjacency[node]) {
                if (previous[neighbour] < 0) {
                    previous[neighbour] = node;
                    if (neighbour == to) {
                        List<Integer> path = new ArrayList<>();
                        for (int at = to; at != from; at = previous[at]) {
                            path.add(at);
                        }
                        path.add(from);
                        Collections.reverse(path);
                        return Collections.unmodifiableList(path);
                    }
                    queue.add(neighbour);
                }
            }
        }
        return List.of();
    }

    /** Nodes within {@code depth} hops of {@code center} (center included), by breadth-first search. */
    public static List<Integer> neighbourhood(int[][] adjacency, int center, int depth) {
        int n = adjacency.length;
        if (center < 0 || center >= n) {
            return List.of();
        }
        int[] distance = new int[n];
        Arrays.fill(distance, -1);
        distance[center] = 0;
        List<Integer> out = new ArrayList<>();
        out.add(center);
        Deque<Integer> queue = new ArrayDeque<>(List.of(center));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (distance[node] == depth) {
                continue;
            }
            for (int neighbour : adjacency[node]) {
                if (distance[neighbour] < 0) {
                    distance[neighbour] = distance[node] + 1;
                    out.add(neighbour);
                    queue.add(neighbour);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }
}
