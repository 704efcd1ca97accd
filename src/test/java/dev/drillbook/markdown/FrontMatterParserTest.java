package dev.drillbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class FrontMatterParserTest {

    @Test
    void readsKnownKeysAndKeepsTheRestAsProperties() {
        FrontMatter fm = FrontMatterParser.parse("---\ntitle: RoPE\ntags: [ml/attention, '#interview']\naliases:\n  - Rotary\n"
                + "cssclasses: wide\ncreated: 2024-03-01\nrating: 4\ndraft: true\n---\n# Body\n");
        assertEquals("RoPE", fm.title());
        assertEquals(List.of("ml/attention", "interview"), fm.tags());
        assertEquals(List.of("Rotary"), fm.aliases());
        assertEquals(List.of("wide"), fm.cssClasses());
        assertEquals("2024-03-01", fm.properties().get("created"), "dates stay ISO strings");
        assertEquals(4, fm.properties().get("rating"));
        assertEquals(true, fm.properties().get("draft"));
        assertEquals("# Body\n", fm.body());
        assertEquals(10, fm.bodyLineOffset(), "ten lines of front matter, fences included");
        assertNull(fm.problem());
    }

    @Test
    void tagsAsACommaOrSpaceStringAndTheDeprecatedTagKey() {
        assertEquals(List.of("a", "b", "c"), FrontMatterParser.parse("---\ntags: \"a, b #c\"\n---\n").tags());
        assertEquals(List.of("a", "b"), FrontMatterParser.parse("---\ntags: a, b #c\n---\n").tags(), "unquoted # starts a YAML comment");
        assertEquals(List.of("solo"), FrontMatterParser.parse("---\ntag: solo\n---\n").tags());
        assertEquals(List.of("Mixed"), FrontMatterParser.parse("---\ntags: [Mixed, mixed]\n---\n").tags(), "case-insensitive, first spelling");
    }

    @Test
    void jsonFrontMatter() {
        FrontMatter fm = FrontMatterParser.parse("---\n{\"title\": \"J\", \"tags\": [\"x\"]}\n---\ntext");
        assertEquals("J", fm.title());
        assertEquals(List.of("x"), fm.tags());
    }

    @Test
    void bomAndCrlfAreTolerated() {
        FrontMatter fm = FrontMatterParser.parse(ObsidianMarkdown.normalize("\uFEFF---\r\ntitle: T\r\n---\r\nBody"));
        assertEquals("T", fm.title());
        assertEquals("Body", fm.body());
    }

    @Test
    void badYamlKeepsTheBodyAndReportsTheFileLine() {
        FrontMatter fm = FrontMatterParser.parse("---\ntitle: ok\nbroken: [unclosed\nmore: x\n---\nBody survives\n");
        assertNotNull(fm.problem());
        assertEquals(MarkdownProblem.BAD_FRONT_MATTER, fm.problem().kind());
        assertEquals(4, fm.problem().line());
        assertEquals("Body survives\n", fm.body());
        assertNull(fm.title());
    }

    @Test
    void aListIsNotFrontMatter() {
        FrontMatter fm = FrontMatterParser.parse("---\n- a\n- b\n---\nx");
        assertTrue(fm.problem().message().contains("not a list"));
    }

    @Test
    void unclosedFenceMeansNoFrontMatter() {
        FrontMatter fm = FrontMatterParser.parse("---\ntitle: nope\n\n# Heading\n");
        assertNull(fm.problem());
        assertNull(fm.title());
        assertEquals("---\ntitle: nope\n\n# Heading\n", fm.body());
        assertEquals(Map.of(), fm.properties());
    }
}
