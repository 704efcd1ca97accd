package dev.drillbook.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

class TopicGraphTest {

    private TopicGraph graph;

    private static TopicGraph.NoteNode node(String id) {
        return new TopicGraph.NoteNode(id, id, "/notes/" + id, "", List.of());
    }

    @BeforeEach
    void graph() {
        graph = new TopicGraph();
        graph.put(node("rag"), Map.of("embeddings", TopicGraph.Kind.LINK, "bm25", TopicGraph.Kind.LINK, "missing", TopicGraph.Kind.LINK));
        graph.put(node("embeddings"), Map.of("late", TopicGraph.Kind.EMBED, "embeddings", TopicGraph.Kind.LINK));
        graph.put(node("bm25"), Map.of());
        graph.put(node("late"), Map.of("embeddings", TopicGraph.Kind.LINK));
        graph.put(node("mcp"), Map.of("rag", TopicGraph.Kind.LINK));
        graph.put(node("lonely"), Map.of());
    }

    @Test
    void degreesIgnoreSelfLinksAndLinksToMissingNotes() {
        TopicGraph.Metrics m = graph.metrics();
        assertEquals(2, m.outDegree("rag"));
        assertEquals(1, m.inDegree("rag"));
        assertEquals(3, m.degree("rag"));
        assertEquals(1, m.outDegree("embeddings"), "self-link ignored");
        assertEquals(2, m.inDegree("embeddings"));
        assertEquals(2, m.degree("embeddings"), "rag and late, counted once each");
    }

    @Test
    void orphansComponentsAndHubs() {
        TopicGraph.Metrics m = graph.metrics();
        assertEquals(List.of("lonely"), m.orphans());
        assertEquals(2, m.componentCount());
        assertEquals(m.component("mcp"), m.component("late"));
        assertEquals(5, m.componentSize("rag"));
        assertEquals("embeddings", m.hubs(1).get(0), "most linked-to note has the highest PageRank");
    }

    @Test
    void shortestPathFollowsLinksBothWays() {
        assertEquals(List.of("mcp", "rag", "embeddings", "late"), graph.metrics().shortestPath("mcp", "late"));
        assertEquals(List.of(), graph.metrics().shortestPath("mcp", "lonely"));
    }

    @Test
    void embedEdgesKeepTheirKind() {
        List<String[]> edges = graph.metrics().edgesWithin(Set.of("embeddings", "late"));
        assertTrue(edges.stream().anyMatch(e -> e[0].equals("embeddings") && e[1].equals("late") && e[2].equals("embed")));
        assertTrue(edges.stream().anyMatch(e -> e[0].equals("late") && e[1].equals("embeddings") && e[2].equals("link")));
    }

    @Test
    void updatesAreIncrementalAndMetricsAreRecomputedOncePerChange() {
        TopicGraph.Metrics before = graph.metrics();
        assertSame(before, graph.metrics(), "cached until the next change");
        graph.put(node("missing"), Map.of());
        TopicGraph.Metrics after = graph.metrics();
        assertNotSame(before, after);
        assertEquals(3, after.outDegree("rag"), "the link to the new note now counts");
        graph.remove("rag");
        assertFalse(graph.metrics().contains("rag"));
        assertEquals(0, graph.metrics().inDegree("embeddings") - 1, "only late links to embeddings now");
    }
}
