package dev.drillbook.graph;

import java.util.List;

/**
 * The graph as the API and the graph page see it.
 *
 * @param nodes notes (and tags, when asked for)
 * @param edges directed edges among the returned nodes
 * @param total notes in the vault's graph (before filters and limits)
 * @param truncated true when the limit dropped nodes
 */
public record GraphView(List<Node> nodes, List<Edge> edges, int total, boolean truncated, int components) {

    /**
     * @param id the note path (or {@code #tag} for a tag node)
     * @param degree distinct linked notes, either direction
     * @param x layout position, when the server computed one
     */
    public record Node(String id, String title, String url, List<String> tags, String folder, int degree, int inDegree,
            int outDegree, double rank, String kind, Double x, Double y, Double mastery) {
    }

    public record Edge(String source, String target, String kind) {
    }
}
