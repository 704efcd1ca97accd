package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every Obsidian syntax rule as input → expected HTML pairs (one spec file per extension). */
class MarkdownSpecTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    /** A tiny vault: enough to tell resolved, unresolved, aliased and attachment links apart. */
    static final LinkTargets VAULT = new LinkTargets() {
        private final Map<String, String> names = Map.of(
                "note", "test/Note.md",
                "overview", "rag/Overview.md",
                "rag/overview", "rag/Overview.md",
                "retrieval basics", "rag/Retrieval Basics.md",
                "retrieval basics.md", "rag/Retrieval Basics.md",
                "diagram.png", "img/diagram.png",
                "paper.pdf", "files/paper.pdf",
                "attention", "Attention.md",
                "sdpa", "Attention.md");

        @Override
        public Resolution resolve(String target, String fromPath) {
            String key = target.toLowerCase().replaceAll("\\.md$", "");
            String path = names.get(key);
            if (path == null) {
                path = names.get(target.toLowerCase());
            }
            return path == null ? Resolution.unresolved() : Resolution.of(path);
        }
    };

    static Stream<SpecFile.Example> examples() {
        return Stream.of("math.spec", "wikilinks.spec", "embeds.spec", "callouts.spec", "highlights.spec",
                "comments.spec", "tags.spec", "blockids.spec", "html.spec", "markdown-links.spec", "gfm.spec")
                .flatMap(file -> SpecFile.read(file).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void rendersAsObsidianDoes(SpecFile.Example example) {
        String html = MARKDOWN.renderNote(example.input(), "test/Note.md", VAULT).withoutEmbeds();
        assertEquals(HtmlNormalizer.canonical(example.html()), HtmlNormalizer.canonical(html), example.name());
    }

    static String normalize(String html) {
        return String.join("\n", html.strip().lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList());
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
