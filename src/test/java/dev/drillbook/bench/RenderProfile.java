package dev.drillbook.bench;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.vault.NameIndex;
import dev.drillbook.vault.NoteBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Scratch: time the phases of a vault load on one thread. */
public class RenderProfile {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            List<String> texts = files.stream().map(p -> {
                try {
                    return Files.readString(p);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }).toList();
            long t1 = System.nanoTime();
            NameIndex names = new NameIndex();
            List<FrontMatter> fms = texts.stream().map(NoteBuilder::frontMatter).toList();
            for (int i = 0; i < files.size(); i++) {
                names.add(root.relativize(files.get(i)).toString(), fms.get(i).aliases());
            }
            long t2 = System.nanoTime();
            NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown());
            List<dev.drillbook.vault.Note> notes = java.util.stream.IntStream.range(0, files.size())
                    .parallel().mapToObj(i -> builder.build(root.relativize(files.get(i)).toString(), fms.get(i), Instant.now(), 0,
                            names, List.of())).toList();
            long t3 = System.nanoTime();
            if (args.length < 2) {
                notes.forEach(dev.drillbook.vault.Note::template);
            }
            long t4 = System.nanoTime();
            System.out.printf("round %d: read %d ms, front matter+index %d ms, parse %d ms (%.2f ms/note), html %d ms%n", round,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t3 - t2) / 1e6 / files.size(),
                    (t4 - t3) / 1_000_000);
        }
    }
}
