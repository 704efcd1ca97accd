package dev.drillbook.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.VaultPaths;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Retrieval quality of the search on the bundled vault, measured with the labelled study queries in
 * {@code src/test/resources/search/queries.tsv}: recall@5 and MRR, written to {@code target/search-quality.md}
 * and guarded by floors so a ranking change that loses quality fails the build.
 */
class SearchQualityTest {

    record Labelled(String query, List<String> relevant) {
    }

    @Test
    void recallAt5AndMrrOnTheStudyQueries() throws Exception {
        Map<String, Note> notes = bundledNotes();
        List<Labelled> queries = queries();
        assertTrue(queries.size() >= 40, "at least 40 labelled queries");
        double recall = 0;
        double mrr = 0;
        List<String> misses = new ArrayList<>();
        try (NoteIndex index = new NoteIndex(new ByteBuffersDirectory(), p -> Optional.ofNullable(notes.get(p)))) {
            index.addAll(notes.values());
            index.refresh();
            for (Labelled q : queries) {
                List<SearchHit> hits = index.search(q.query(), 10, null, null);
                int rank = 0;
                for (int i = 0; i < hits.size(); i++) {
                    if (q.relevant().contains(hits.get(i).path())) {
                        rank = i + 1;
                        break;
                    }
                }
                if (rank >= 1 && rank <= 5) {
                    recall++;
                } else {
                    misses.add(q.query() + " → " + (hits.isEmpty() ? "nothing" : hits.get(0).path()) + " (rank " + rank + ")");
                }
                mrr += rank == 0 ? 0 : 1.0 / rank;
            }
        }
        recall /= queries.size();
        mrr /= queries.size();
        String report = String.format(Locale.ENGLISH, "| Queries | Recall@5 | MRR@10 |%n|---|---|---|%n| %d | %.3f | %.3f |%n%n"
                + "Misses:%n%s%n", queries.size(), recall, mrr, String.join("\n", misses.stream().map(m -> "- " + m).toList()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-quality.md"), report);
        System.out.println(report);
        assertTrue(recall >= 0.9, "recall@5 fell to " + recall);
        assertTrue(mrr >= 0.8, "MRR fell to " + mrr);
    }

    static Map<String, Note> bundledNotes() throws IOException {
        Path root = Path.of("notes");
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
        return notes;
    }

    static List<Labelled> queries() throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String line : new String(SearchQualityTest.class.getResourceAsStream("/search/queries.tsv").readAllBytes(),
                StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            out.add(new Labelled(parts[0].strip(), List.of(parts[1].strip().split("\\s*,\\s*"))));
        }
        return out;
    }
}
