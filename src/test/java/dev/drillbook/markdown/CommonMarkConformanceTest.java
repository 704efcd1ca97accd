package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import org.commonmark.testutil.TestResources;
import org.commonmark.testutil.example.Example;
import org.commonmark.testutil.example.ExampleReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CommonMark 0.31.2 spec examples and the GFM extension examples (tables, strikethrough, extended autolinks)
 * through the real rendering path ({@link ObsidianMarkdown#renderNote}). Every example that plain flexmark passes must
 * pass, except the deliberate differences below (each documented in the README, "Markdown" section).
 * Outputs are compared by meaning ({@link HtmlNormalizer}).
 */
class CommonMarkConformanceTest {

    private static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();

    /** Stock flexmark 0.64.8, core only: the baseline for the CommonMark examples. */
    private static final Flexmark CORE = new Flexmark(new MutableDataSet());
    /** Stock flexmark with the GFM extensions: the baseline for the GFM extension examples. */
    private static final Flexmark GFM = new Flexmark(new MutableDataSet().set(Parser.EXTENSIONS, List.of(
            TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create(),
            AutolinkExtension.create())));

    private static final String BALANCED = "raw HTML is balanced and re-written by the sanitiser (unclosed elements closed, stray end tags dropped, tbody added, attribute values re-encoded)";
    private static final String ALLOW_LIST = "raw HTML outside the allow-list (unknown elements and attributes, script, style) is removed";
    private static final String NOT_MARKUP = "HTML comments, processing instructions, declarations and CDATA are removed whole";
    private static final String TAGS = "#word is an Obsidian tag";
    private static final String WIKILINKS = "[[…]] is an Obsidian wikilink, ![[…]] an embed";
    private static final String AUTOLINKS = "GFM's extended autolinks are on: bare URLs and e-mail addresses become links, as in Obsidian";
    private static final String SCHEMES = "links may use http, https, mailto, tel, ftp, irc, ircs and zotero only";

    /** Examples flexmark passes and Drillbook renders differently on purpose, with the reason. */
    static final Map<String, String> DELIBERATE = Map.ofEntries(
            Map.entry("commonmark 21", BALANCED),
            Map.entry("commonmark 31", BALANCED),
            Map.entry("commonmark 148", BALANCED),
            Map.entry("commonmark 149", BALANCED),
            Map.entry("commonmark 150", BALANCED),
            Map.entry("commonmark 151", BALANCED),
            Map.entry("commonmark 154", BALANCED),
            Map.entry("commonmark 155", BALANCED),
            Map.entry("commonmark 160", BALANCED),
            Map.entry("commonmark 174", BALANCED),
            Map.entry("commonmark 175", BALANCED),
            Map.entry("commonmark 184", BALANCED),
            Map.entry("commonmark 187", BALANCED),
            Map.entry("commonmark 190", BALANCED),
            Map.entry("commonmark 191", BALANCED),
            Map.entry("commonmark 344", BALANCED),
            Map.entry("commonmark 346", BALANCED),
            Map.entry("commonmark 476", BALANCED),
            Map.entry("commonmark 477", BALANCED),
            Map.entry("commonmark 630", BALANCED),
            Map.entry("commonmark 631", BALANCED),
            Map.entry("commonmark 642", BALANCED),
            Map.entry("commonmark 643", BALANCED),
            Map.entry("commonmark 156", ALLOW_LIST),
            Map.entry("commonmark 157", ALLOW_LIST),
            Map.entry("commonmark 158", ALLOW_LIST),
            Map.entry("commonmark 163", ALLOW_LIST),
            Map.entry("commonmark 165", ALLOW_LIST),
            Map.entry("commonmark 169", ALLOW_LIST),
            Map.entry("commonmark 170", ALLOW_LIST),
            Map.entry("commonmark 172", ALLOW_LIST),
            Map.entry("commonmark 173", ALLOW_LIST),
            Map.entry("commonmark 176", ALLOW_LIST),
            Map.entry("commonmark 178", ALLOW_LIST),
            Map.entry("commonmark 491", ALLOW_LIST),
            Map.entry("commonmark 524", ALLOW_LIST),
            Map.entry("commonmark 536", ALLOW_LIST),
            Map.entry("commonmark 613", ALLOW_LIST),
            Map.entry("commonmark 614", ALLOW_LIST),
            Map.entry("commonmark 615", ALLOW_LIST),
            Map.entry("commonmark 616", ALLOW_LIST),
            Map.entry("commonmark 617", ALLOW_LIST),
            Map.entry("commonmark 623", ALLOW_LIST),
            Map.entry("commonmark 177", NOT_MARKUP),
            Map.entry("commonmark 179", NOT_MARKUP),
            Map.entry("commonmark 180", NOT_MARKUP),
            Map.entry("commonmark 181", NOT_MARKUP),
            Map.entry("commonmark 182", NOT_MARKUP),
            Map.entry("commonmark 183", NOT_MARKUP),
            Map.entry("commonmark 308", NOT_MARKUP),
            Map.entry("commonmark 309", NOT_MARKUP),
            Map.entry("commonmark 627", NOT_MARKUP),
            Map.entry("commonmark 628", NOT_MARKUP),
            Map.entry("commonmark 629", NOT_MARKUP),
            Map.entry("commonmark 64", TAGS),
            Map.entry("commonmark 548", WIKILINKS),
            Map.entry("commonmark 559", WIKILINKS),
            Map.entry("commonmark 590", WIKILINKS),
            Map.entry("commonmark 602", AUTOLINKS),
            Map.entry("commonmark 606", AUTOLINKS),
            Map.entry("commonmark 608", AUTOLINKS),
            Map.entry("commonmark 611", AUTOLINKS),
            Map.entry("commonmark 612", AUTOLINKS),
            Map.entry("commonmark 598", SCHEMES),
            Map.entry("commonmark 599", SCHEMES),
            Map.entry("commonmark 601", SCHEMES));

    record Case(String suite, int number, Example example, boolean gfm) {
        String id() {
            return suite + " " + number;
        }

        @Override
        public String toString() {
            return id() + " (" + example.getSection() + ")";
        }
    }

    record Flexmark(Parser parser, HtmlRenderer renderer) {
        Flexmark(MutableDataSet options) {
            this(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
        }

        String render(String markdown) {
            return renderer.render(parser.parse(markdown));
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (Example example : ExampleReader.readExamples(TestResources.getSpec())) {
            cases.add(new Case("commonmark", ++n, example, false));
        }
        n = 0;
        for (Example example : ExampleReader.readExamples(TestResources.getGfmSpec())) {
            n++;
            String info = example.getInfo();
            if (info.contains("table") || info.contains("strikethrough") || info.contains("autolink")) {
                cases.add(new Case("gfm", n, example, true));
            }
        }
        return cases;
    }

    static Stream<Case> baselinePasses() {
        return cases().stream().filter(CommonMarkConformanceTest::flexmarkPasses);
    }

    private static final Map<String, Boolean> FLEXMARK_PASSES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> DRILLBOOK = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean flexmarkPasses(Case c) {
        return FLEXMARK_PASSES.computeIfAbsent(c.id(),
                id -> passes(c, (c.gfm() ? GFM : CORE).render(c.example().getSource())));
    }

    static String drillbook(Case c) {
        return DRILLBOOK.computeIfAbsent(c.id(),
                id -> MARKDOWN.renderNote(c.example().getSource(), "test/Note.md", LinkTargets.NONE).withoutEmbeds());
    }

    static boolean passes(Case c, String html) {
        return HtmlNormalizer.normalize(c.example().getHtml()).equals(HtmlNormalizer.normalize(html));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselinePasses")
    void rendersWhatFlexmarkRenders(Case c) {
        if (DELIBERATE.containsKey(c.id())) {
            return;
        }
        assertEquals(HtmlNormalizer.normalize(c.example().getHtml()), HtmlNormalizer.normalize(drillbook(c)),
                c + "\n" + c.example().getSource());
    }

    @Test
    void everyDeliberateDifferenceIsStillOne() {
        Map<String, Case> byId = new java.util.HashMap<>();
        cases().forEach(c -> byId.put(c.id(), c));
        DELIBERATE.forEach((id, reason) -> {
            Case c = byId.get(id);
            assertTrue(c != null && flexmarkPasses(c), id + " is not an example flexmark passes");
            assertNotEquals(HtmlNormalizer.normalize(c.example().getHtml()), HtmlNormalizer.normalize(drillbook(c)),
                    id + " passes now: remove it from the list");
        });
    }

    @Test
    void counts() {
        List<Case> all = cases();
        long flexmark = all.stream().filter(CommonMarkConformanceTest::flexmarkPasses).count();
        long ours = all.stream().filter(c -> passes(c, drillbook(c))).count();
        long commonmark = all.stream().filter(c -> !c.gfm()).count();
        long oursCommonmark = all.stream().filter(c -> !c.gfm() && passes(c, drillbook(c))).count();
        long flexCommonmark = all.stream().filter(c -> !c.gfm() && flexmarkPasses(c)).count();
        System.out.printf("conformance: CommonMark %d examples, flexmark %d, Drillbook %d; GFM extensions %d, flexmark %d, Drillbook %d%n",
                commonmark, flexCommonmark, oursCommonmark, all.size() - commonmark, flexmark - flexCommonmark,
                ours - oursCommonmark);
        assertEquals(652, commonmark);
        assertTrue(ours >= flexmark - DELIBERATE.size(), "Drillbook passes " + ours + ", flexmark " + flexmark);
    }
}
