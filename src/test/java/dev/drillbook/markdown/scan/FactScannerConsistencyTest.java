package dev.drillbook.markdown.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.FrontMatterParser;
import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.NoteHeading;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.RenderedMarkdown;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.TextSection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fast scanner must find exactly the facts flexmark finds when it renders the same note: headings (level, text,
 * id, line), links (target, anchor, embed, resolution, line), tags, anchors, and the words of each section.
 */
class FactScannerConsistencyTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    /** Resolves names that start with a capital letter, so both resolved and broken links are exercised. */
    private static final LinkTargets TARGETS = (target, from) -> target.isEmpty() || !Character.isUpperCase(target.charAt(0))
            ? Resolution.unresolved() : Resolution.of(target.replace(".md", "") + ".md");

    record Doc(String name, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Doc> documents() throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String spec : List.of("math.spec", "wikilinks.spec", "embeds.spec", "callouts.spec", "highlights.spec",
                "comments.spec", "tags.spec", "blockids.spec", "html.spec", "markdown-links.spec", "gfm.spec")) {
            String[] parts = new String(FactScannerConsistencyTest.class.getResourceAsStream("/markdown/" + spec).readAllBytes(),
                    StandardCharsets.UTF_8).split("(?m)^@@ ");
            for (String part : parts) {
                int nl = part.indexOf('\n');
                int html = part.indexOf("\n@@ html");
                if (nl > 0 && html > nl) {
                    docs.add(new Doc(spec + ": " + part.substring(0, nl), part.substring(nl + 1, html + 1)));
                }
            }
        }
        for (Path root : List.of(Path.of("src/test/resources/vaults/basic"), Path.of("notes"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains("/.")).sorted().forEach(f -> {
                        try {
                            FrontMatter fm = FrontMatterParser.parse(Files.readString(f));
                            docs.add(new Doc(f.toString(), fm.body()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
        Random random = new Random(20261126);
        for (int i = 0; i < 500; i++) {
            docs.add(new Doc("generated " + i, SyntheticNotes.note(random)));
        }
        return docs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void scannerFindsWhatFlexmarkFinds(Doc doc) {
        RenderedMarkdown expected = MARKDOWN.render(doc.body(), "test/Note.md", TARGETS, 3);
        RenderedMarkdown actual = FactScanner.scan(doc.body(), "test/Note.md", TARGETS, 3);
        assertEquals(headings(expected.headings()), headings(actual.headings()), "headings of " + doc);
        assertEquals(links(expected.links()), links(actual.links()), "links of " + doc);
        assertEquals(expected.tags(), actual.tags(), "tags of " + doc);
        assertEquals(expected.anchors().keySet(), actual.anchors().keySet(), "anchors of " + doc);
        assertEquals(words(expected.sections()), words(actual.sections()), "words of " + doc);
        assertEquals(expected.problems(), actual.problems(), "problems of " + doc);
    }

    private static List<String> headings(List<NoteHeading> headings) {
        return headings.stream().map(h -> h.level() + " " + h.id() + " @" + h.line() + " " + String.join(" ", words(h.text())))
                .toList();
    }

    private static List<String> links(List<NoteLink> links) {
        return links.stream().map(l -> (l.embed() ? "!" : "") + l.target() + "#" + l.anchor() + " -> " + l.resolved() + " @" + l.line())
                .toList();
    }

    private static List<String> words(List<TextSection> sections) {
        List<String> out = new ArrayList<>();
        for (TextSection section : sections) {
            out.add("## " + section.headingId());
            out.addAll(words(section.text()));
        }
        return out;
    }

    /** Words only: punctuation such as the brackets of a text that only looked like a link does not matter for search. */
    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
