package dev.drillbook.bench;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.search.NoteIndex;
import dev.drillbook.search.SearchHit;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultPaths;

import org.apache.lucene.store.ByteBuffersDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Scratch: index a vault in memory and time queries: {@code SearchProfile <vault>}. */
public class SearchProfile {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        NameIndex names = new NameIndex();
        Map<String, FrontMatter> fronts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String path = VaultPaths.relative(root, file);
                FrontMatter fm = NoteBuilder.frontMatter(Files.readString(file));
                fronts.put(path, fm);
                names.add(path, fm.aliases());
            }
        }
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
        Map<String, Note> notes = new LinkedHashMap<>();
        fronts.forEach((path, fm) -> notes.put(path, builder.build(path, fm, Instant.EPOCH, 0, names, List.of())));
        long t0 = System.nanoTime();
        NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)));
        index.addAll(notes.values());
        index.refresh();
        System.out.printf("index %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        com.fasterxml.jackson.databind.node.ArrayNode arr = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        notes.values().forEach(n -> arr.addObject().put("title", n.title()));
        List<String> queries = VaultBenchmark.studyQueries(arr, 600);
        for (int round = 0; round < 3; round++) {
            java.util.List<String> slow = new java.util.ArrayList<>();
            for (String q : queries) {
                long s = System.nanoTime();
                List<SearchHit> hits = index.search(q, 10, null, null);
                double ms = (System.nanoTime() - s) / 1e6;
                if (round == 2 && ms > 15) {
                    slow.add(String.format("%-34s %3d hits %6.1f ms", q, hits.size(), ms));
                }
            }
            if (round == 2) slow.forEach(System.out::println);
        }
    }
}
