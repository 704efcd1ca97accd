package dev.drillbook.graph;

/**
 * Fruchterman–Reingold force-directed layout ("Graph Drawing by Force-directed Placement", 1991): linked nodes
 * attract, all nodes repel, the step size cools each round. Repulsion is only computed between nodes in
 * neighbouring grid cells (a standard approximation), so a round costs roughly O(n + m) instead of O(n²).
 * Deterministic: starting positions come from a seed.
 */
public final class ForceLayout {

    public static final int ITERATIONS_DEFAULT = 120;

    private ForceLayout() {
    }

    /**
     * @param edges pairs {source, target} of node indices
     * @param n number of nodes
     * @return {@code [x0, y0, x1, y1, …]} centred on the origin, roughly within a square of side {@code sqrt(n) * 60}
     */
    public static double[] layout(int n, int[][] edges, int iterations, long seed) {
        double[] pos = new double[2 * n];
        if (n == 0) {
            return pos;
        }
        double side = Math.sqrt(n) * 110;
        double k = side / Math.sqrt(n);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            pos[2 * i] = (random.nextDouble() - 0.5) * side;
            pos[2 * i + 1] = (random.nextDouble() - 0.5) * side;
        }
        double[] disp = new double[2 * n];
        double temperature = side / 10;
        double cell = 2 * k;
        for (int round = 0; round < iterations; round++) {
            java.util.Arrays.fill(disp, 0);
            java.util.Map<Long, java.util.List<Integer>> grid = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                grid.computeIfAbsent(key(Math.floorDiv((long) Math.floor(pos[2 * i]), (long) cell),
                        Math.floorDiv((long) Math.floor(pos[2 * i + 1]), (long) cell)), c -> new java.util.ArrayList<>()).add(i);
            }
            for (int i = 0; i < n; i++) {
                long cx = Math.floorDiv((long) Math.floor(pos[2 * i]), (long) cell);
                long cy = Math.floorDiv((long) Math.floor(pos[2 * i + 1]), (long) cell);
                for (long dx = -1; dx <= 1; dx++) {
                    for (long dy = -1; dy <= 1; dy++) {
                        java.util.List<Integer> bucket = grid.get(key(cx + dx, cy + dy));
                        if (bucket == null) {
                            continue;
                        }
                        for (int j : bucket) {
                            if (j == i) {
                                continue;
                            }
                            double ddx = pos[2 * i] - pos[2 * j];
                            double ddy = pos[2 * i + 1] - pos[2 * j + 1];
                            double dist = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
                            if (dist < cell) {
                                double force = k * k / dist;
                                disp[2 * i] += ddx / dist * force;
                                disp[2 * i + 1] += ddy / dist * force;
                            }
                        }
                    }
                }
                // gentle gravity keeps disconnected parts on screen
                disp[2 * i] -= pos[2 * i] * 0.01 * k / 10;
                disp[2 * i + 1] -= pos[2 * i + 1] * 0.01 * k / 10;
            }
            for (int[] edge : edges) {
                int a = edge[0];
                int b = edge[1];
                if (a == b) {
                    continue;
                }
                double ddx = pos[2 * a] - pos[2 * b];
                double ddy = pos[2 * a + 1] - pos[2 * b + 1];
                double dist = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
                double force = dist * dist / k;
                disp[2 * a] -= ddx / dist * force;
                disp[2 * a + 1] -= ddy / dist * force;
                disp[2 * b] += ddx / dist * force;
                disp[2 * b + 1] += ddy / dist * force;
            }
            for (int i = 0; i < n; i++) {
                double dx = disp[2 * i];
                double dy = disp[2 * i + 1];
                double length = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
                double step = Math.min(length, temperature);
                pos[2 * i] += dx / length * step;
                pos[2 * i + 1] += dy / length * step;
            }
            temperature = Math.max(temperature * 0.96, k * 0.02);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += pos[2 * i];
            my += pos[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            pos[2 * i] -= mx;
            pos[2 * i + 1] -= my;
        }
        return pos;
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }
}
