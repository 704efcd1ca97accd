package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;

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
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                contents.add(builder.read(ROOT.toAbsolutePath(), file.toAbsolutePath()));
                BODIES.put(VaultPaths.relative(ROOT, file), NoteBuilder.frontMatter(Files.readString(file)).body());
            }
        }
        VAULT.update(contents, List.of(), List.of(), List.of(), true);
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
                "Hybrid Search and RRF", "Contrastive Learning", "Retrieval Metrics")) {
            assertTrue(titles.contains(topic), "missing note: " + topic);
        }
    }
}
