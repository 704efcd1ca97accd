package dev.drillbook.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrillParserTest {

    private static final String DRILL = """
            ---
            type: drill
            title: Design a semantic cache
            level: staff
            time: 30m
            tags: [system-design]
            notes: ["[[Semantic Caching]]", "[[LLM Serving]]"]
            ---
            ## Prompt

            Design a semantic cache for an LLM API.

            ## Key points

            - (required) Keys by embedding with a tuned threshold — [[Semantic Caching]]
            - Scopes entries by user and context
              when answers are personal
            - ! Measures false hits

            ## Rubric

            - deep_dives: 30
            - communication: 0
            - evaluation: 15 — offline metrics before launch

            ## Reference outline

            1. Embed the prompt.
            2. Look up neighbours.

            ## Follow-ups

            - What about streaming?
            - How do you invalidate?
            """;

    @Test
    void readsEverySection() {
        DrillParser.Result result = DrillParser.parse("questions/drills/cache.md", DRILL);
        assertEquals(List.of(), result.problems());
        Drill d = result.drill().orElseThrow();
        assertEquals("drills/cache", d.id());
        assertEquals("Design a semantic cache", d.title());
        assertEquals("staff", d.level());
        assertEquals(30, d.timeLimitMinutes());
        assertEquals(List.of("Semantic Caching", "LLM Serving"), d.notes());
        assertEquals("Design a semantic cache for an LLM API.", d.prompt());
        assertEquals(3, d.keyPoints().size());
        assertTrue(d.keyPoints().get(0).required());
        assertEquals(List.of("Semantic Caching"), d.keyPoints().get(0).links());
        assertFalse(d.keyPoints().get(1).required());
        assertEquals("Scopes entries by user and context when answers are personal", d.keyPoints().get(1).text());
        assertTrue(d.keyPoints().get(2).required());
        assertEquals(List.of("requirements", "estimates", "architecture", "data", "deep_dives", "evaluation", "cost_latency", "failure_modes"),
                d.rubric().stream().map(Drill.Dimension::id).toList(), "the default dimensions; removing one it lacks changes nothing");
        assertEquals(30, d.rubric().get(4).weight());
        assertEquals("Deep dive", d.rubric().get(4).title());
        assertEquals(new Drill.Dimension("evaluation", 15, "Evaluation", "offline metrics before launch"), d.rubric().get(5),
                "a known dimension keeps its title and takes the new description");
        assertTrue(d.referenceOutline().startsWith("1. Embed the prompt."));
        assertEquals(List.of("What about streaming?", "How do you invalidate?"), d.followUps());
    }

    @Test
    void defaultsAndProblemsWithLines() {
        String text = DRILL.replace("level: staff", "level: guru").replace("time: 30m", "time: soon")
                .replace("- evaluation: 15 — offline metrics before launch", "- evaluation counts double");
        DrillParser.Result result = DrillParser.parse("questions/d.md", text);
        Drill d = result.drill().orElseThrow();
        assertEquals("senior", d.level());
        assertEquals(45, d.timeLimitMinutes());
        assertEquals(3, result.problems().size(), result.problems().toString());
        assertEquals(24, result.problems().get(2).line(), "the bad rubric line");
    }

    @Test
    void aDrillWithoutPromptOrKeyPointsIsNotLoaded() {
        DrillParser.Result result = DrillParser.parse("questions/d.md", "---\ntype: drill\ntitle: Empty\n---\n## Notes\n\ntext\n");
        assertTrue(result.drill().isEmpty());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("## Prompt")));
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("## Key points")));
    }

    @Test
    void brokenFrontMatterIsAProblemNotACrash() {
        DrillParser.Result result = DrillParser.parse("questions/d.md", "---\ntype: drill\ntitle: [unclosed\n---\n## Prompt\nx\n");
        assertTrue(result.drill().isEmpty());
        assertEquals("drill-front-matter", result.problems().get(0).kind());
    }

    @Test
    void theDefaultRubricScoresWhatLlmDesignRoundsScoreAndSumsToOneHundred() {
        assertEquals(100, Rubric.DEFAULT.stream().mapToDouble(Drill.Dimension::weight).sum());
        assertEquals(100, Rubric.STAR.stream().mapToDouble(Drill.Dimension::weight).sum());
        assertEquals(100, Rubric.CODING.stream().mapToDouble(Drill.Dimension::weight).sum());
        String text = DRILL.replaceAll("(?s)## Rubric.*?## Reference", "## Reference");
        Drill d = DrillParser.parse("questions/drills/cache.md", text).drill().orElseThrow();
        assertEquals(Rubric.DEFAULT, d.rubric());
    }

    @Test
    void codingExercisesHaveTheirOwnRubricAndTime() {
        String text = DRILL.replace("type: drill", "type: coding").replace("time: 30m\n", "")
                .replaceAll("(?s)## Rubric.*?## Reference", "## Rubric\n\n- complexity: 25\n\n## Reference");
        DrillParser.Result result = DrillParser.parse("questions/coding/top-p.md", text);
        assertEquals(List.of(), result.problems());
        Drill d = result.drill().orElseThrow();
        assertEquals("coding", d.kind());
        assertTrue(d.coding() && !d.behavioral());
        assertEquals(30, d.timeLimitMinutes(), "30 minutes unless the file says otherwise");
        assertEquals(List.of("understanding", "correctness", "edge_cases", "complexity", "code_quality"),
                d.rubric().stream().map(Drill.Dimension::id).toList());
        assertEquals(25, d.rubric().get(3).weight(), "overrides apply to the coding rubric");
        assertEquals(Drill.CODING, DrillParser.kindOf(dev.drillbook.vault.NoteBuilder.frontMatter(text)));
    }
}
