package dev.drillbook.graph;

/**
 * Which part of the graph to return.
 *
 * @param center a note path for a local graph, or null for the whole vault
 * @param depth hops from the center (1–3)
 * @param tag only notes with this tag (or a nested one), or null
 * @param folder only notes in this folder (or below), or null
 * @param includeTags add tag nodes and note→tag edges
 * @param includeOrphans keep notes without links
 * @param limit most nodes to return (the most central are kept), 0 for no limit
 * @param layout compute positions on the server
 */
public record GraphQuery(String center, int depth, String tag, String folder, boolean includeTags, boolean includeOrphans,
        int limit, boolean layout) {

    public static final int MAX_DEPTH = 3;

    public GraphQuery {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", not " + depth);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static GraphQuery all() {
        return new GraphQuery(null, 1, null, null, false, true, 0, false);
    }

    String cacheKey(long version) {
        return version + "|" + center + "|" + depth + "|" + tag + "|" + folder + "|" + includeTags + "|" + includeOrphans
                + "|" + limit + "|" + layout;
    }
}
