package dev.drillbook.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topic graph: notes as nodes, resolved links and embeds as directed edges. Updated one note at a time as the
 * vault changes; metrics (degrees, components, PageRank) are computed on first use after a change and shared
 * until the next one. Plain Java, safe for concurrent readers with one writer.
 */
public final class TopicGraph {

    /** Why two nodes are connected. An embed also counts as a link; when a note both links and embeds, it is an embed. */
    public enum Kind {
        LINK, EMBED, TAG;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the graph knows about a note. */
    public record NoteNode(String id, String title, String url, String folder, List<String> tags) {
        public NoteNode {
            tags = List.copyOf(tags);
        }
    }

    private final Map<String, NoteNode> nodes = new HashMap<>();
    private final Map<String, Map<String, Kind>> out = new HashMap<>();
    private long version;
    private volatile Metrics metrics;

    /** Adds or replaces a note and its outgoing edges (self-links are ignored). */
    public synchronized void put(NoteNode node, Map<String, Kind> outgoing) {
        nodes.put(node.id(), node);
        Map<String, Kind> edges = new LinkedHashMap<>(outgoing);
        edges.remove(node.id());
        out.put(node.id(), edges);
        version++;
        metrics = null;
    }

    public synchronized void remove(String id) {
        if (nodes.remove(id) != null) {
            out.remove(id);
            version++;
            metrics = null;
        }
    }

    public synchronized long version() {
        return version;
    }

    /** The metrics of the current graph (computed once per change). */
    public Metrics metrics() {
        Metrics current = metrics;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (metrics == null) {
                metrics = new Metrics(version, new HashMap<>(nodes), copy(out));
            }
            return metrics;
        }
    }

    private static Map<String, Map<String, Kind>> copy(Map<String, Map<String, Kind>> edges) {
        Map<String, Map<String, Kind>> copy = new HashMap<>();
        edges.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }

    /** An immutable picture of the graph with everything computed over it. */
    public static final class Metrics {
        private final long version;
        private final List<String> ids;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, NoteNode> nodes;
        private final int[][] outAdjacency;
        private final int[][] undirected;
        private final Kind[][] outKinds;
        private final int[] inDegree;
        private final int[] outDegree;
        private final int[] component;
        private final int[] componentSizes;
        private final double[] pageRank;

        Metrics(long version, Map<String, NoteNode> nodes, Map<String, Map<String, Kind>> edges) {
            this.version = version;
            this.nodes = Collections.unmodifiableMap(nodes);
            this.ids = List.copyOf(new TreeSet<>(nodes.keySet()));
            for (int i = 0; i < ids.size(); i++) {
                index.put(ids.get(i), i);
            }
            int n = ids.size();
            outAdjacency = new int[n][];
            outKinds = new Kind[n][];
            inDegree = new int[n];
            outDegree = new int[n];
            List<Set<Integer>> neighbours = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                neighbours.add(new LinkedHashSet<>());
            }
            for (int i = 0; i < n; i++) {
                Map<String, Kind> targets = edges.getOrDefault(ids.get(i), Map.of());
                List<Integer> adjacency = new ArrayList<>();
                List<Kind> kinds = new ArrayList<>();
                for (Map.Entry<String, Kind> edge : targets.entrySet()) {
                    Integer j = index.get(edge.getKey());
                    if (j != null && j != i) {
                        adjacency.add(j);
                        kinds.add(edge.getValue());
                        inDegree[j]++;
                        neighbours.get(i).add(j);
                        neighbours.get(j).add(i);
                    }
                }
                outAdjacency[i] = adjacency.stream().mapToInt(Integer::intValue).toArray();
                outKinds[i] = kinds.toArray(new Kind[0]);
                outDegree[i] = outAdjacency[i].length;
            }
            undirected = new int[n][];
            for (int i = 0; i < n; i++) {
                undirected[i] = neighbours.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
            component = GraphAlgorithms.components(undirected);
            int count = 0;
            for (int c : component) {
                count = Math.max(count, c + 1);
            }
            componentSizes = new int[count];
            for (int c : component) {
                componentSizes[c]++;
            }
            pageRank = GraphAlgorithms.pageRank(outAdjacency, GraphAlgorithms.DAMPING_DEFAULT,
                    GraphAlgorithms.ITERATIONS_DEFAULT, GraphAlgorithms.TOLERANCE_DEFAULT);
        }

        public long version() {
            return version;
        }

        public List<String> ids() {
            return ids;
        }

        public int size() {
            return ids.size();
        }

        public boolean contains(String id) {
            return index.containsKey(id);
        }

        public NoteNode node(String id) {
            return nodes.get(id);
        }

        public int inDegree(String id) {
            Integer i = index.get(id);
            return i == null ? 0 : inDegree[i];
        }

        public int outDegree(String id) {
            Integer i = index.get(id);
            return i == null ? 0 : outDegree[i];
        }

        /** Distinct neighbours in either direction. */
        public int degree(String id) {
            Integer i = index.get(id);
            return i == null ? 0 : undirected[i].length;
        }

        public double pageRank(String id) {
            Integer i = index.get(id);
            return i == null ? 0 : pageRank[i];
        }

        public int component(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : component[i];
        }

        public int componentCount() {
            return componentSizes.length;
        }

        public int componentSize(String id) {
            int c = component(id);
            return c < 0 ? 0 : componentSizes[c];
        }

        /** Notes with no links in or out. */
        public List<String> orphans() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (undirected[i].length == 0) {
                    out.add(ids.get(i));
                }
            }
            return out;
        }

        /** The {@code limit} notes with the highest PageRank, best first. */
        public List<String> hubs(int limit) {
            return ids.stream().sorted(Comparator.comparingDouble(this::pageRank).reversed().thenComparing(Comparator.naturalOrder()))
                    .limit(limit).toList();
        }

        /** Directed edges among notes, with their kind. */
        public List<String[]> edges() {
            List<String[]> edges = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int e = 0; e < outAdjacency[i].length; e++) {
                    edges.add(new String[] {ids.get(i), ids.get(outAdjacency[i][e]), outKinds[i][e].json()});
                }
            }
            return edges;
        }

        /** Edges whose ends are both in {@code keep}. */
        public List<String[]> edgesWithin(Set<String> keep) {
            List<String[]> edges = new ArrayList<>();
            for (String id : keep) {
                Integer i = index.get(id);
                if (i == null) {
                    continue;
                }
                for (int e = 0; e < outAdjacency[i].length; e++) {
                    String target = ids.get(outAdjacency[i][e]);
                    if (keep.contains(target)) {
                        edges.add(new String[] {id, target, outKinds[i][e].json()});
                    }
                }
            }
            return edges;
        }

        /** Notes on a shortest path between two notes, links followed in either direction; empty when unconnected. */
        public List<String> shortestPath(String from, String to) {
            Integer a = index.get(from);
            Integer b = index.get(to);
            if (a == null || b == null) {
                return List.of();
            }
            return GraphAlgorithms.shortestPath(undirected, a, b).stream().map(ids::get).toList();
        }

        /** Notes within {@code depth} links of {@code center}, in breadth-first order. */
        public List<String> neighbourhood(String center, int depth) {
            Integer c = index.get(center);
            if (c == null) {
                return List.of();
            }
            return GraphAlgorithms.neighbourhood(undirected, c, depth).stream().map(ids::get).toList();
        }
    }
}
