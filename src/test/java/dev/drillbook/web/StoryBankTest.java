package dev.drillbook.web;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The story bank end to end, on files written while the app runs: a story note becomes a card naming its question
 * (and follows the question's title), mistakes are problems, the drills pages list the story, and a mock interview
 * whose format pins the question asks it first and shows the story as its reference in the report. Its own profile,
 * so the files it writes never meet the other tests' vault.
 */
@QuarkusTest
@TestProfile(StoryBankTest.OwnVault.class)
class StoryBankTest {

    public static class OwnVault implements QuarkusTestProfile {
    }

    private static final Duration WAIT = Duration.ofSeconds(15);

    static final String QUESTION = """
            ---
            type: behavioral
            title: A project that failed
            tags: [behavioral, reflection]
            ---
            ## Prompt
            Tell me about a project that failed.

            ## Key points
            - (required) Owns the mistake — [[Attention]]
            """;

    static final String STORY = """
            ---
            type: story
            title: Legal RAG retrospective
            questions: [behavioral/failure, behavioral/nope]
            time: 3m
            ---
            ## Outline
            - Built RAG over contracts; enumeration questions failed.
            - Lesson: the eval set comes first.

            ## Situation
            A side project over legal documents.
            ## Task
            Precise answers with clause citations.
            ## Action
            I rebuilt chunking by clause.
            ## Result
            Recall on enumeration stayed low.
            ## Reflection
            Build the evaluation set before the pipeline.
            """;

    @Test
    void storiesBecomeCardsProblemsAndInterviewReferences() throws IOException {
        Path questions = VaultTestResource.questions();
        Files.createDirectories(questions.resolve("behavioral"));
        Files.createDirectories(questions.resolve("interviews"));
        Files.writeString(questions.resolve("behavioral/failure.md"), QUESTION);
        Files.writeString(questions.resolve("behavioral/conflict.md"), QUESTION.replace("A project that failed", "A conflict")
                .replace("Tell me about a project that failed.", "Tell me about a conflict.") + "\n## Reference outline\n- A generic outline.\n");
        Files.writeString(questions.resolve("interviews/story-screen.md"), """
                ---
                type: interview-format
                title: Story screen
                behavioral: 2
                opening: [behavioral/failure, behavioral/conflict]
                ---
                One story.
                """);
        Path stories = VaultTestResource.vault().resolve("stories");
        Files.createDirectories(stories);
        Files.writeString(stories.resolve("Legal RAG.md"), STORY);
        Files.writeString(stories.resolve("Half told.md"), "---\ntags: [story]\nquestions: behavioral/failure\n---\n## Situation\nOnly this.\n");

        JsonPath cards = Eventually.await(WAIT, () -> given().get("/api/cards?deck=stories").then().statusCode(200).extract().jsonPath(),
                j -> j.getList("front").size() == 2 && j.getList("front").toString().contains("A project that failed"), "two story cards");
        int legal = cards.getList("source").indexOf("stories/Legal RAG.md");
        assertEquals("Tell the **Legal RAG retrospective** story — for “A project that failed”, in about 3 minutes.",
                cards.getString("[" + legal + "].front"), "the unknown question is left out");
        assertTrue(cards.getString("[" + legal + "].back").startsWith("- Built RAG over contracts"), cards.getString("[" + legal + "].back"));
        assertEquals(List.of("stories/Legal RAG.md"), cards.getList("[" + legal + "].notes.path"), "the card belongs to its story note");
        String cardId = cards.getString("[" + legal + "].id");

        List<Map<String, Object>> problems = Eventually.await(WAIT,
                () -> given().get("/api/problems").then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("findAll { it.kind == 'story' }"),
                p -> p.size() >= 5, "story problems");
        assertTrue(problems.stream().anyMatch(p -> p.get("path").equals("stories/Legal RAG.md") && p.get("message").toString().contains("behavioral/nope")),
                problems.toString());
        assertEquals(4, problems.stream().filter(p -> p.get("path").equals("stories/Half told.md")).count(),
                "task, action, result and reflection missing: " + problems);

        given().get("/drills").then().statusCode(200).body(containsString("href=\"/notes/stories/Legal%20RAG\""));
        given().get("/drills/behavioral/failure").then().statusCode(200).body(containsString("Your stories:"))
                .body(containsString("Legal RAG retrospective"));

        assertEquals(List.of("behavioral/failure", "behavioral/conflict"), given().get("/api/interviews/formats").then().statusCode(200)
                .extract().jsonPath().getList("find { it.id == 'interviews/story-screen' }.opening"), "the pinned openers, in order");
        long id = given().contentType(ContentType.JSON).body(Map.of("format", "interviews/story-screen")).post("/api/interviews")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath s = given().get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("Tell me about a project that failed.", s.getString("items[0].prompt"), "the pinned opening question");
        given().contentType(ContentType.JSON).body(Map.of("answer", "We chunked by page and recall was poor; I rebuilt it by clause.", "done", true))
                .post("/api/interviews/" + id + "/items/0/answer").then().statusCode(200);
        given().post("/api/interviews/" + id + "/finish").then().statusCode(200);
        JsonPath report = given().get("/api/interviews/" + id + "/report").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getString("items[0].story").contains("Lesson: the eval set comes first."), report.getString("items[0].story"));
        assertTrue(report.getString("items[0].storyHtml").contains("href=\"/notes/stories/Legal%20RAG\""), report.getString("items[0].storyHtml"));
        assertNull(report.get("items[1].story"), "no story for the second question: its generic outline is not shown as the user's story");
        given().get("/interviews/" + id + "/report").then().statusCode(200).body(containsString("Your story for this question"));
        given().get("/api/interviews/" + id + "/report.md").then().statusCode(200).body(containsString("## Your story for question 1"));

        // the card's front follows the question's title, and keeps its schedule
        Files.writeString(questions.resolve("behavioral/failure.md"), QUESTION.replace("A project that failed", "A failure you owned"));
        Eventually.await(WAIT, () -> given().get("/api/cards/" + cardId).then().statusCode(200).extract().jsonPath().getString("front"),
                f -> f.contains("“A failure you owned”"), "the renamed question on the card");
    }
}
