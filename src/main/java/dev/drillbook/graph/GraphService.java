package dev.drillbook.graph;

import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.tag.Tags;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keeps the {@link TopicGraph} in step with the vault and answers graph queries (whole vault or around a note). */
@ApplicationScoped
public class GraphService {

    @Inject
    Vault vault;

    @Inject
    @Any
    Instance<MasterySource> mastery;

    private final TopicGraph graph = new TopicGraph();
    private final Map<String, GraphView> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GraphView> eldest) {
            return size() > 32;
        }
    });

    /** Keeps the graph in step with one change of the vault. */
    public void apply(VaultChanged change) {
        change.removed().forEach(graph::remove);
        for (String path : change.touched()) {
            vault.note(path).ifPresentOrElse(this::put, () -> graph.remove(path));
        }
    }

    private void put(Note note) {
        Map<String, TopicGraph.Kind> out = new LinkedHashMap<>();
        for (NoteLink link : note.links()) {
            if (link.resolved() != null && SiteUrls.isMarkdown(link.resolved())) {
                TopicGraph.Kind kind = link.embed() ? TopicGraph.Kind.EMBED : TopicGraph.Kind.LINK;
                out.merge(link.resolved(), kind, (a, b) -> a == TopicGraph.Kind.EMBED || b == TopicGraph.Kind.EMBED
                        ? TopicGraph.Kind.EMBED : TopicGraph.Kind.LINK);
            }
        }
        graph.put(new TopicGraph.NoteNode(note.path(), note.title(), note.url(), note.folder(), note.tags()), out);
    }

    public TopicGraph.Metrics metrics() {
        return graph.metrics();
    }

    /**
     * Identifies what {@link #view} returns for {@code query} right now: changes with the graph and with mastery,
     * so callers can cache anything derived from a view (such as its JSON) under it.
     */
    public String stamp(GraphQuery query) {
        return stamp(query, true);
    }

    /** {@link #stamp} of {@link #view(GraphQuery, boolean)}: mastery or not. */
    public String stamp(GraphQuery query, boolean withMastery) {
        StringBuilder key = new StringBuilder(query.cacheKey(graph.metrics().version()));
        if (!withMastery) {
            return key.append("|no-mastery").toString();
        }
        for (MasterySource source : mastery) {
            key.append('|').append(source.masteryVersion());
        }
        return key.toString();
    }

    /** The graph for a query, with each note's mastery; cached per graph version. */
    public GraphView view(GraphQuery query) {
        return view(query, true);
    }

    /** The graph for a query; with mastery only for a viewer who may see it (see AccessPolicy.Private.MASTERY). */
    public GraphView view(GraphQuery query, boolean withMastery) {
        TopicGraph.Metrics metrics = graph.metrics();
        String key = query.cacheKey(metrics.version());
        GraphView cached = cache.get(key);
        if (cached == null) {
            cached = build(metrics, query);
            cache.put(key, cached);
        }
        return withMastery ? withMastery(cached) : cached;
    }

    private GraphView build(TopicGraph.Metrics metrics, GraphQuery query) {
        List<String> candidates = query.center() != null ? metrics.neighbourhood(query.center(), query.depth()) : metrics.ids();
        String tagKey = query.tag() == null || query.tag().isBlank() ? null : Tags.key(Tags.normalize(query.tag()) == null
                ? query.tag() : Tags.normalize(query.tag()));
        String folder = query.folder() == null || query.folder().isBlank() ? null : trimSlashes(query.folder());
        List<String> selected = new ArrayList<>();
        for (String id : candidates) {
            TopicGraph.NoteNode node = metrics.node(id);
            if (node == null) {
                continue;
            }
            boolean isCenter = id.equals(query.center());
            if (!isCenter && tagKey != null && node.tags().stream().map(Tags::key)
                    .noneMatch(t -> t.equals(tagKey) || t.startsWith(tagKey + "/"))) {
                continue;
            }
            if (!isCenter && folder != null && !(node.folder().equals(folder) || node.folder().startsWith(folder + "/"))) {
                continue;
            }
            if (!isCenter && !query.includeOrphans() && metrics.degree(id) == 0) {
                continue;
            }
            selected.add(id);
        }
        boolean truncated = false;
        if (query.limit() > 0 && selected.size() > query.limit()) {
            truncated = true;
            List<String> ranked = new ArrayList<>(selected);
            ranked.sort(Comparator.comparingDouble(metrics::pageRank).reversed().thenComparing(Comparator.naturalOrder()));
            List<String> kept = new ArrayList<>(ranked.subList(0, query.limit()));
            if (query.center() != null && !kept.contains(query.center())) {
                kept.set(kept.size() - 1, query.center());
            }
            selected = kept;
        }
        Set<String> keep = new LinkedHashSet<>(selected);
        List<GraphView.Edge> edges = new ArrayList<>();
        for (String[] e : metrics.edgesWithin(keep)) {
            edges.add(new GraphView.Edge(e[0], e[1], e[2]));
        }
        List<String> ids = new ArrayList<>(keep);
        Map<String, List<String>> tagMembers = new LinkedHashMap<>();
        if (query.includeTags()) {
            for (String id : keep) {
                for (String tag : metrics.node(id).tags()) {
                    tagMembers.computeIfAbsent(tag, t -> new ArrayList<>()).add(id);
                }
            }
            for (Map.Entry<String, List<String>> entry : tagMembers.entrySet()) {
                ids.add("#" + entry.getKey());
                for (String member : entry.getValue()) {
                    edges.add(new GraphView.Edge(member, "#" + entry.getKey(), TopicGraph.Kind.TAG.json()));
                }
            }
        }
        double[] positions = null;
        if (query.layout()) {
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                at.put(ids.get(i), i);
            }
            int[][] pairs = edges.stream().map(e -> new int[] {at.get(e.source()), at.get(e.target())}).toArray(int[][]::new);
            positions = ForceLayout.layout(ids.size(), pairs, ForceLayout.ITERATIONS_DEFAULT, 42);
        }
        List<GraphView.Node> nodes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Double x = positions == null ? null : positions[2 * i];
            Double y = positions == null ? null : positions[2 * i + 1];
            if (id.startsWith("#")) {
                String tag = id.substring(1);
                nodes.add(new GraphView.Node(id, "#" + tag, SiteUrls.tag(tag), List.of(), "", tagMembers.get(tag).size(),
                        tagMembers.get(tag).size(), 0, 0, "tag", x, y, null));
            } else {
                TopicGraph.NoteNode node = metrics.node(id);
                nodes.add(new GraphView.Node(id, node.title(), node.url(), node.tags(), node.folder(), metrics.degree(id),
                        metrics.inDegree(id), metrics.outDegree(id), metrics.pageRank(id), "note", x, y, null));
            }
        }
        return new GraphView(List.copyOf(nodes), List.copyOf(edges), metrics.size(), truncated, metrics.componentCount());
    }

    private GraphView withMastery(GraphView view) {
        if (mastery.isUnsatisfied()) {
            return view;
        }
        Map<String, Double> byNote = new HashMap<>();
        for (MasterySource source : mastery) {
            byNote.putAll(source.masteryByNote());
        }
        if (byNote.isEmpty()) {
            return view;
        }
        List<GraphView.Node> nodes = view.nodes().stream().map(n -> byNote.containsKey(n.id())
                ? new GraphView.Node(n.id(), n.title(), n.url(), n.tags(), n.folder(), n.degree(), n.inDegree(), n.outDegree(),
                        n.rank(), n.kind(), n.x(), n.y(), byNote.get(n.id()))
                : n).toList();
        return new GraphView(nodes, view.edges(), view.total(), view.truncated(), view.components());
    }

    private static String trimSlashes(String s) {
        String out = s.strip();
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        while (out.startsWith("/")) {
            out = out.substring(1);
        }
        return out;
    }
}
