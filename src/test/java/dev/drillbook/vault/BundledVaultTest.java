package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The starter vault in notes/ meets its quality bar: no problems, everything reachable, sensible sizes. */
class BundledVaultTest {

    private static final Path ROOT = Path.of("notes");
    private static final Map<String, Note> NOTES = new LinkedHashMap<>();
    private static final Map<String, String> BODIES = new LinkedHashMap<>();

    private static final VaultModel VAULT = new VaultModel();

    @BeforeAll
    static void read() throws IOException {
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown(), 5_000_000);
        List<NoteContent> contents = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = VaultPaths.relative(ROOT, file);
                if (!SiteUrls.isMarkdown(path)) {
                    attachments.add(path); // attachments such as the canvas are link targets too
                    continue;
                }
                contents.add(builder.read(ROOT.toAbsolutePath(), file.toAbsolutePath()));
                BODIES.put(path, NoteBuilder.frontMatter(Files.readString(file)).body());
            }
        }
        VAULT.update(contents, List.of(), attachments, List.of(), true);
        contents.forEach(c -> NOTES.put(c.path(), VAULT.note(c.path()).orElseThrow()));
    }

    private static boolean isMoc(Note note) {
        return note.tags().contains("moc");
    }

    @Test
    void atLeastFortyNotesWithAMapOfContentPerArea() {
        assertTrue(NOTES.size() >= 40, "notes: " + NOTES.size());
        Set<String> folders = new HashSet<>();
        NOTES.values().forEach(n -> folders.add(n.folder()));
        for (String folder : folders) {
            assertTrue(NOTES.values().stream().anyMatch(n -> n.folder().equals(folder) && isMoc(n)), "no MOC in " + folder);
        }
    }

    @Test
    void noProblemsAndEveryAnchorExists() {
        List<String> problems = new ArrayList<>();
        for (Note note : NOTES.values()) {
            VAULT.problems(note, 4).forEach(p -> problems.add(note.path() + ":" + p.line() + " " + p.message()));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyNoteIsLinkedFromAMapOfContentAndReachableFromStartHere() {
        Set<String> linkedFromMoc = new HashSet<>();
        NOTES.values().stream().filter(BundledVaultTest::isMoc)
                .forEach(moc -> moc.links().forEach(l -> linkedFromMoc.add(l.resolved())));
        for (Note note : NOTES.values()) {
            if (!note.path().equals("Start Here.md")) {
                assertTrue(linkedFromMoc.contains(note.path()), note.path() + " is not linked from any MOC");
            }
        }
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("Start Here.md"));
        while (!queue.isEmpty()) {
            String path = queue.pop();
            if (seen.add(path) && NOTES.containsKey(path)) {
                NOTES.get(path).links().stream().map(NoteLink::resolved).filter(p -> p != null && NOTES.containsKey(p))
                        .forEach(queue::add);
            }
        }
        assertEquals(NOTES.keySet(), seen);
    }

    /** The exact shape of what ships; update these numbers together with the README when notes are added. */
    @Test
    void theShippedVaultHasItsCountedNotesMapsAndNoBrokenLinks() {
        assertEquals(97, NOTES.size(), "notes");
        assertEquals(15, NOTES.values().stream().filter(BundledVaultTest::isMoc).count(), "maps of content");
        long links = NOTES.values().stream().mapToLong(n -> n.links().size()).sum();
        long broken = NOTES.values().stream().flatMap(n -> n.links().stream()).filter(l -> l.resolved() == null).count();
        assertTrue(links >= 800, "links: " + links);
        assertEquals(0, broken, "broken links");
    }

    @Test
    void theStudyPlanGivesEveryNoteItsWeekWithAPassCriterion() {
        Note plan = NOTES.get("Study Plan.md");
        Set<String> planned = new HashSet<>();
        plan.links().forEach(l -> planned.add(l.resolved()));
        List<String> missing = NOTES.keySet().stream()
                .filter(p -> !p.equals("Study Plan.md") && !p.equals("Start Here.md") && !planned.contains(p)).toList();
        assertEquals(List.of(), missing, "notes without a week in the study plan");
        String body = BODIES.get("Study Plan.md");
        int weeks = body.split("\n## Week ", -1).length - 1;
        int passes = body.split("\\*\\*Pass\\*\\*", -1).length - 1;
        assertEquals(8, weeks, "weeks");
        assertEquals(weeks, passes, "a pass criterion per week");
        assertTrue(NOTES.get("Start Here.md").links().stream().anyMatch(l -> "Study Plan.md".equals(l.resolved())));
    }

    /** Every drill and coding exercise in questions/ has a week: the plan links its page. */
    @Test
    void theStudyPlanGivesEveryDrillAndCodingExerciseItsWeek() throws IOException {
        String body = BODIES.get("Study Plan.md");
        List<String> missing = new ArrayList<>();
        for (String kind : List.of("drills", "coding")) {
            try (Stream<Path> files = Files.list(Path.of("questions", kind))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted()
                        .map(n -> "/drills/" + kind + "/" + n.substring(0, n.length() - 3))
                        .filter(url -> !body.contains("](" + url + ")")).forEach(missing::add);
            }
        }
        assertEquals(List.of(), missing, "drills without a week in the study plan");
    }

    @Test
    void notesInTheCurriculumAreasCiteTheirSources() {
        Set<String> areas = Set.of("transformers", "inference", "retrieval", "rag", "evals", "training", "building", "agents", "career");
        List<String> without = NOTES.values().stream()
                .filter(n -> areas.contains(n.folder()) && !isMoc(n))
                .filter(n -> !BODIES.get(n.path()).contains("\n## Sources\n"))
                .map(Note::path).toList();
        assertEquals(List.of(), without);
    }

    @Test
    void theStarterVaultDemonstratesEveryFeature() {
        String all = String.join("\n", BODIES.values());
        Map<String, String> features = new LinkedHashMap<>();
        features.put("heading embed", "!\\[\\[[^\\]#]+#[^\\]^]+]]");
        features.put("block embed", "!\\[\\[[^\\]#]+#\\^[a-z-]+]]");
        features.put("block id", "(?m) \\^[a-z-]+$");
        features.put("foldable callout", "(?m)^> \\[![a-z]+]-");
        features.put("nested callout", "(?m)^> > \\[![a-z]+]");
        features.put("display math", "(?m)^\\$\\$$");
        features.put("highlight", "==[^=\\s][^=]*==");
        features.put("mermaid diagram", "(?m)^```mermaid$");
        features.put("comment", "%%[^%]+%%");
        for (var feature : features.entrySet()) {
            assertTrue(java.util.regex.Pattern.compile(feature.getValue()).matcher(all).find(), "no " + feature.getKey());
        }
        assertTrue(all.split("(?m)^```mermaid$", -1).length - 1 >= 10, "at least ten Mermaid diagrams");
        assertTrue(NOTES.values().stream().anyMatch(n -> !n.aliases().isEmpty()), "aliases");
        assertTrue(NOTES.values().stream().anyMatch(n -> n.tags().stream().anyMatch(t -> t.contains("/"))), "nested tags");
    }

    /** JSON Canvas 1.0: unique ids, known node types with geometry, file nodes pointing into the vault, edges between nodes. */
    @Test
    void theCurriculumCanvasIsValidJsonCanvas() throws IOException {
        var canvas = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ROOT.resolve("Curriculum Map.canvas").toFile());
        Set<String> ids = new HashSet<>();
        for (var node : canvas.get("nodes")) {
            assertTrue(ids.add(node.get("id").asText()), "duplicate id " + node.get("id"));
            String type = node.get("type").asText();
            assertTrue(Set.of("text", "file", "link", "group").contains(type), type);
            for (String field : List.of("x", "y", "width", "height")) {
                assertTrue(node.get(field).isInt(), field + " of " + node.get("id"));
            }
            if (type.equals("file")) {
                assertTrue(NOTES.containsKey(node.get("file").asText()), "canvas file node: " + node.get("file"));
            }
            if (type.equals("text")) {
                assertTrue(node.hasNonNull("text"));
            }
        }
        assertTrue(canvas.get("edges").size() > 0);
        for (var edge : canvas.get("edges")) {
            assertTrue(ids.add(edge.get("id").asText()), "duplicate id " + edge.get("id"));
            assertTrue(ids.contains(edge.get("fromNode").asText()) && ids.contains(edge.get("toNode").asText()), edge.toString());
        }
    }

    @Test
    void notesAreBetween300And1500Words() {
        BODIES.forEach((path, body) -> {
            int words = body.split("\\s+").length;
            assertTrue(words >= 300 && words <= 1500, path + " has " + words + " words");
        });
    }

    @Test
    void theCurriculumIsCovered() {
        Set<String> titles = new HashSet<>();
        NOTES.values().forEach(n -> titles.add(n.title()));
        for (String topic : List.of("Tokenization", "Attention", "Softmax and Temperature", "KV Cache", "Positional Encoding",
                "Supervised Fine-Tuning", "RLHF and Preference Optimization", "Retrieval vs Ranking", "Re-ranking",
                "Fine-Tuning Embedding Models", "Query Patterns", "Late Interaction", "Chunking", "RAG Overview",
                "RAG Evaluation", "LLM-as-Judge", "Judge Biases", "Error Analysis", "Structured Outputs",
                "Constrained Decoding", "Recursive Descent Parsing", "Prompt Management", "Synthetic Data Generation",
                "LoRA vs Full Fine-Tuning", "Model Context Protocol", "MCP Resource References", "When to Build an Agent",
                "Recommendation Systems", "Deep Search Design", "Docs Search Design", "Your Journey",
                "Decisions and Trade-offs", "Motivation and Career Trajectory", "Leading a Team", "BM25",
                "Hybrid Search and RRF", "Contrastive Learning", "Retrieval Metrics",
                // the 2026 additions the content review asked for
                "Mixture of Experts", "MLA and Hybrid Attention", "FlashAttention", "Vision-Language Models",
                "Speculative Decoding", "Quantization", "Serving Engines", "PagedAttention and Prefix Caching",
                "Token Economics", "Scaling Laws", "GRPO and RL from Verifiable Rewards",
                "Reasoning Models and Test-Time Compute", "Distillation", "Reasoning Trace Datasets",
                "Vector Index Internals", "Embedding Compression", "Visual Document Retrieval", "GraphRAG",
                "Eval Statistics", "Agent Evaluation", "Online Evaluation", "Context Engineering",
                "Multi-Agent Systems", "Prompt Injection", "Guardrails", "Grammar Engines", "Prompt Observability",
                "Forward-Deployed and Generalist Roles", "Reading List", "Study Plan")) {
            assertTrue(titles.contains(topic), "missing note: " + topic);
        }
    }
}
