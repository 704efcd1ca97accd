package dev.drillbook.story;

import dev.drillbook.quiz.CardKind;
import dev.drillbook.quiz.ParsedCard;
import dev.drillbook.quiz.StoryCards;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryParserTest {

    static final String STORY = """
            ---
            type: story
            title: Legal RAG retrospective
            questions: [behavioral/failure, questions/behavioral/learning-fast.md, behavioral/failure]
            time: 3m
            tags: [story, rag]
            ---
            # Legal RAG retrospective

            ## Outline
            - Built RAG over contracts by night; it missed clause questions.
            - Lesson: build the eval set first.

            ## Situation
            I built a question-answering tool over legal documents. It was a side project.

            ## Task
            Make answers precise enough for a lawyer to trust.

            ## Action
            - I chunked by page at first. Then by clause.

            ## Result
            Recall stayed low on enumeration questions.

            ## Lessons
            Evaluation first, then the pipeline.

            ```text
            ## Result
            a heading inside code does not count
            ```
            """;

    @Test
    void readsTheStoryItsQuestionsAndItsOutline() {
        StoryParser.Result r = StoryParser.parse("stories/Legal.md", "Legal", STORY);
        assertEquals(List.of(), r.problems());
        Story s = r.story();
        assertEquals("Legal RAG retrospective", s.title(), "the front-matter title wins over the file name");
        assertEquals(List.of("behavioral/failure", "behavioral/learning-fast"), s.questions(), "path forms accepted, duplicates dropped");
        assertEquals(3, s.minutes());
        assertEquals("- Built RAG over contracts by night; it missed clause questions.\n- Lesson: build the eval set first.", s.outline());
        assertTrue(StoryParser.isStory("story", List.of()));
        assertTrue(StoryParser.isStory(null, List.of("Story/career")), "or a #story tag, nested ones too");
        assertFalse(StoryParser.isStory("note", List.of("stories")));
    }

    @Test
    void withoutAnOutlineTheFirstSentenceOfEachSectionIsTheOutline() {
        String text = STORY.replaceAll("(?s)## Outline.*?## Situation", "## Situation");
        Story s = StoryParser.parse("stories/Legal.md", "Legal", text).story();
        assertEquals("""
                - **Situation**: I built a question-answering tool over legal documents.
                - **Task**: Make answers precise enough for a lawyer to trust.
                - **Action**: I chunked by page at first.
                - **Result**: Recall stayed low on enumeration questions.
                - **Reflection**: Evaluation first, then the pipeline.""", s.outline());
    }

    @Test
    void missingQuestionsSectionsAndBadTimesAreProblemsButTheStoryIsStillRead() {
        StoryParser.Result r = StoryParser.parse("stories/Draft.md", "Draft", """
                ---
                type: story
                time: soon
                ---
                ## Situation
                Something happened.
                """);
        assertEquals("Draft", r.story().title(), "the note's title when front matter has none");
        List<String> messages = r.problems().stream().map(p -> p.message()).toList();
        assertEquals(6, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("answers no question"), messages.get(0));
        assertTrue(messages.get(1).contains("time should look like 3m"), messages.get(1));
        assertTrue(messages.stream().anyMatch(m -> m.contains("no \"## Result\" section")));
        assertTrue(r.problems().stream().allMatch(p -> p.kind().equals("story") && p.path().equals("stories/Draft.md")));
    }

    @Test
    void aStoryBecomesOneCardNamingItsQuestions() {
        Story s = StoryParser.parse("stories/Legal.md", "Legal", STORY).story();
        Map<String, String> titles = Map.of("behavioral/failure", "A project that failed");
        List<ParsedCard> cards = StoryCards.of(s, id -> Optional.ofNullable(titles.get(id)));
        assertEquals(1, cards.size());
        ParsedCard c = cards.get(0);
        assertEquals("Tell the **Legal RAG retrospective** story — for “A project that failed”, in about 3 minutes.", c.front(),
                "an unknown question is left out of the front");
        assertEquals(s.outline(), c.back());
        assertEquals("stories/Legal.md", c.source(), "the card belongs to the story note");
        assertEquals(StoryCards.DECK, c.deck());
        assertEquals(CardKind.BASIC, c.kind());
        assertEquals(List.of("story", "rag"), c.tags());
        Story two = new Story("s.md", "Pitch", List.of("a", "b", "c"), null, "- beat", List.of());
        assertEquals("Tell the **Pitch** story — for “A”, “B” and “C”.",
                StoryCards.of(two, id -> Optional.of(id.toUpperCase())).get(0).front());
        assertEquals(List.of("story"), StoryCards.of(two, id -> Optional.empty()).get(0).tags());
    }
}
