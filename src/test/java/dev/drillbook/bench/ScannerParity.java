package dev.drillbook.bench;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.FrontMatterParser;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.scan.FactScanner;
import dev.drillbook.vault.NameIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares scanned facts with flexmark facts for every note of a vault: {@code ScannerParity <vault>}. */
public class ScannerParity {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        NameIndex names = new NameIndex();
        for (Path f : files) {
            names.add(root.relativize(f).toString(), FrontMatterParser.parse(Files.readString(f)).aliases());
        }
        ObsidianMarkdown markdown = new ObsidianMarkdown();
        int mismatches = 0;
        for (Path f : files) {
            String path = root.relativize(f).toString();
            FrontMatter fm = FrontMatterParser.parse(Files.readString(f));
            RenderedMarkdown a = markdown.render(fm.body(), path, names, fm.bodyLineOffset());
            RenderedMarkdown b = FactScanner.scan(fm.body(), path, names, fm.bodyLineOffset());
            boolean same = a.links().equals(b.links()) && a.tags().equals(b.tags())
                    && a.headings().stream().map(h -> h.id() + h.level() + "@" + h.line()).toList()
                            .equals(b.headings().stream().map(h -> h.id() + h.level() + "@" + h.line()).toList())
                    && a.anchors().keySet().equals(b.anchors().keySet()) && a.problems().equals(b.problems());
            if (!same) {
                if (mismatches++ < 3) {
                    System.out.println("MISMATCH " + path + "\n  flex " + a.links() + "\n  scan " + b.links()
                            + "\n  flex " + a.headings() + "\n  scan " + b.headings() + "\n  flex " + a.anchors().keySet()
                            + "\n  scan " + b.anchors().keySet() + "\n  flex " + a.tags() + "\n  scan " + b.tags());
                }
            }
        }
        System.out.println(mismatches + " of " + files.size() + " notes differ");
    }
}
