package dev.drillbook.bench;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.search.NoteIndex;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.NoteBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scratch: the search index in-process on a generated vault, single-threaded, to see where a query's time goes
 * without HTTP or a load generator in the way. {@code java -cp … dev.drillbook.bench.SearchProfile <vault>}.
 */
public class SearchProfile {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path p : files) {
            texts.add(Files.readString(p));
        }
        NameIndex names = new NameIndex();
        List<FrontMatter> fms = texts.stream().map(NoteBuilder::frontMatter).toList();
        for (int i = 0; i < files.size(); i++) {
            names.add(root.relativize(files.get(i)).toString(), fms.get(i).aliases());
        }
        NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
        List<Note> notes = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> builder.build(root.relativize(files.get(i)).toString(), fms.get(i), Instant.now(), 0, names, List.of()))
                .toList();
        Map<String, Note> byPath = new java.util.concurrent.ConcurrentHashMap<>(notes.stream().collect(Collectors.toMap(Note::path, n -> n)));
        Function<String, Optional<Note>> lookup = p -> Optional.ofNullable(byPath.get(p));
        Path dir = Files.createTempDirectory("search-profile");
        try (NoteIndex index = new NoteIndex(Boolean.getBoolean("nrt") ? new org.apache.lucene.store.NRTCachingDirectory(new org.apache.lucene.store.MMapDirectory(dir), 5.0, 60.0) : new org.apache.lucene.store.MMapDirectory(dir), lookup)) {
            long t0 = System.nanoTime();
            index.addAll(notes);
            long added = System.nanoTime();
            index.refresh();
            System.out.printf("add %d ms, refresh %d ms%n", (added - t0) / 1_000_000, (System.nanoTime() - added) / 1_000_000);
            if (Boolean.getBoolean("merge")) {
                long m = System.nanoTime();
                index.mergeSegments();
                System.out.printf("merge: %d ms%n", (System.nanoTime() - m) / 1_000_000);
            }
            System.out.printf("index: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            try (Stream<Path> segmentFiles = Files.list(dir)) {
                // a query looks up each of its terms once per segment
                System.out.println("segments: " + segmentFiles.filter(f -> f.toString().endsWith(".si")).count());
            }
            if (Boolean.getBoolean("warm")) {
                // as SearchIndex does after the first build
                index.update(notes.get(0));
                index.refresh();
            }

            List<String> queries = VaultBenchmark.studyQueries(notes.stream().map(Note::title).toList(), 600);
            // -Dkind=1 runs only one kind of query (0 word, 1 pair, 2 typo, 3 phrase, 4 prefix), for a profiler; only
            // that kind's mean is meaningful then
            int onlyKind = Integer.getInteger("kind", -1);
            int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
            for (int round = 0; round < rounds; round++) {
                double[] perKind = new double[5];
                double[] all = new double[queries.size()];
                int hits = 0;
                com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < queries.size(); i++) {
                    if (onlyKind >= 0 && i % 5 != onlyKind) {
                        continue;
                    }
                    long t = System.nanoTime();
                    hits += index.search(queries.get(i), 10, null, null).size();
                    double ms = (System.nanoTime() - t) / 1e6;
                    all[i] = ms;
                    perKind[i % 5] += ms;
                }
                Arrays.sort(all);
                // allocation is what the young collections of a running app pay for
                long kbPerQuery = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024 / (onlyKind >= 0 ? queries.size() / 5 : queries.size());

                System.out.printf("round %d: mean %.2f ms, p50 %.2f, p99 %.2f, max %.2f; by kind (word, pair, typo, phrase, prefix) "
                        + "%.2f %.2f %.2f %.2f %.2f; %d hits, %d KB allocated per query%n", round, Arrays.stream(all).sum() / all.length, all[all.length / 2],
                        all[(int) (all.length * 0.99)], all[all.length - 1], perKind[0] / 120, perKind[1] / 120, perKind[2] / 120,
                        perKind[3] / 120, perKind[4] / 120, hits, kbPerQuery);
            }
            double[] updates = new double[Integer.getInteger("edits", 20)];
            for (int i = 0; i < updates.length; i++) {
                int k = i * 17 % files.size();
                String text = texts.get(k) + "\n\nEdited in round " + i + " [[index]]\n";
                Note changed = builder.build(root.relativize(files.get(k)).toString(), NoteBuilder.frontMatter(text), Instant.now(), 0,
                        names, List.of());
                byPath.put(changed.path(), changed);
                long t = System.nanoTime();
                index.update(changed);
                double u = (System.nanoTime() - t) / 1e6;
                index.refresh();
                updates[i] = (System.nanoTime() - t) / 1e6;
                System.out.printf("  update %.1f ms, with refresh %.1f ms%n", u, updates[i]);
                Thread.sleep(100);
            }
            Arrays.sort(updates);
            if (updates.length > 0) {
                System.out.printf("update + refresh: median %.1f ms, max %.1f ms%n", updates[updates.length / 2],
                        updates[updates.length - 1]);
            }
        }
    }
}
