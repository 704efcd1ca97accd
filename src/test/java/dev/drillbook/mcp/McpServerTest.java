package dev.drillbook.mcp;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MCP server driven by the official MCP Java SDK client over streamable HTTP, as an assistant would use it. */
@QuarkusTest
class McpServerTest {

    @TestHTTPResource("/")
    URL base;

    McpSyncClient client;

    @BeforeEach
    void connect() {
        var transport = HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", "")).endpoint("/mcp").build();
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    static String text(McpSchema.CallToolResult r) {
        return r.content().stream().filter(c -> c instanceof McpSchema.TextContent).map(c -> ((McpSchema.TextContent) c).text())
                .reduce("", String::concat);
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    @Test
    void toolsResourcesAndPrompts() {
        List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertTrue(tools.containsAll(List.of("search_notes", "get_note", "related_notes", "next_card", "answer_card", "list_drills",
                "grade_answer")), tools.toString());

        String hits = text(call("search_notes", Map.of("query", "attention")));
        assertTrue(hits.contains("drillbook://note/"), hits);

        int notes = given().get("/api/notes").then().extract().jsonPath().getList("path").size();
        McpSchema.ListResourcesResult resources = dev.drillbook.support.Eventually.await(Duration.ofSeconds(10), client::listResources,
                r -> r.resources().size() == notes, "every note is a resource (registered in the background)");
        String path = given().get("/api/notes").then().extract().jsonPath().getString("find { it.title == 'Attention' }.path");
        McpSchema.Resource attention = resources.resources().stream().filter(r -> r.uri().equals(DrillbookMcp.uri(path))).findFirst()
                .orElseThrow();
        var read = client.readResource(new McpSchema.ReadResourceRequest(attention.uri()));
        String body = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
        assertTrue(body.contains("# ") || body.contains("---"), "the note's Markdown: " + body);
        assertFalse(body.isBlank());
        String note = text(call("get_note", Map.of("note", "Attention")));
        assertTrue(note.contains("Attention"), note);
        McpSchema.CallToolResult missing = call("get_note", Map.of("note", "No Such Note"));
        assertTrue(missing.isError());
        assertTrue(text(call("related_notes", Map.of("note", path))).contains("drillbook://note/"));

        assertTrue(text(call("list_drills", Map.of())).contains("cache-drill"));

        List<String> prompts = client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList();
        assertTrue(prompts.containsAll(List.of("quiz_me", "system_design_mock")), prompts.toString());
        var prompt = client.getPrompt(new McpSchema.GetPromptRequest("system_design_mock", Map.of("drill", "cache-drill")));
        assertTrue(((McpSchema.TextContent) prompt.messages().get(0).content()).text().contains("Design a semantic cache"));
    }

    @Test
    void quizFromAChatChangesTheSchedule() {
        String next = text(call("next_card", Map.of("deck", "rag")));
        Matcher m = Pattern.compile("Card (\\w+) ").matcher(next);
        assertTrue(m.find() && next.contains("Question: "), next);
        assertTrue(given().get("/api/cards/" + m.group(1)).then().extract().jsonPath().getString("deck").equals("rag"));
        // answer a card no other test class looks at (the reverse side of a ::: card), then put it back
        String id = given().get("/api/cards?deck=rag").then().extract().jsonPath()
                .getString("find { it.front == 'Retrieval-augmented generation' }.id");
        int reps = given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps");
        String answered = text(call("answer_card", Map.of("card", id, "rating", "good", "answer", "retrieval then generation")));
        assertTrue(answered.contains("Reference answer") && answered.contains("Recorded good") && answered.contains("/5"), answered);
        assertEquals(reps + 1, given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps"));
        // other test classes study these cards: put this one back as it was (the log keeps the answer, marked undone)
        given().post("/api/review/undo").then().statusCode(200);
        assertEquals(reps, given().get("/api/cards/" + id).then().extract().jsonPath().getInt("reps"));
        assertTrue(call("answer_card", Map.of("card", id, "rating", "brilliant")).isError());

        String graded = text(call("grade_answer", Map.of("answer", "We embed prompts and use a tuned similarity threshold.", "drill", "cache-drill")));
        assertTrue(graded.contains("Stored as attempt"), graded);
        assertTrue(call("grade_answer", Map.of("answer", "x")).isError(), "neither a drill nor a question");
    }

    @Test
    void toolErrorsAreToolResultsWithTheMessage() {
        McpSchema.CallToolResult empty = call("search_notes", Map.of("query", ""));
        assertTrue(empty.isError(), "an error result, not a JSON-RPC error");
        assertEquals("Type something to search for.", text(empty));
        McpSchema.CallToolResult unclosed = call("search_notes", Map.of("query", "\"unclosed"));
        assertTrue(unclosed.isError());
        assertTrue(text(unclosed).startsWith("A quote is not closed"), text(unclosed));
        McpSchema.CallToolResult fine = call("search_notes", Map.of("query", "\"attention\""));
        assertFalse(fine.isError() != null && fine.isError(), text(fine));
    }

    @Test
    void aSubscribedNoteThatChangesIsAnnounced() throws Exception {
        String path = "mcp-watched-" + System.nanoTime() + ".md";
        Path file = VaultTestResource.vault().resolve(path);
        Files.writeString(file, "# Watched\n\nFirst version.\n");
        List<McpSchema.ResourceContents> updates = new CopyOnWriteArrayList<>();
        var transport = HttpClientStreamableHttpTransport.builder(base.toString().replaceAll("/$", "")).endpoint("/mcp").build();
        McpSyncClient watcher = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).resourcesUpdateConsumer(updates::addAll).build();
        try {
            watcher.initialize();
            String uri = DrillbookMcp.uri(path);
            Eventually.await(Duration.ofSeconds(15), watcher::listResources, r -> r.resources().stream().anyMatch(x -> x.uri().equals(uri)),
                    "the new note is a resource");
            watcher.subscribeResource(new McpSchema.SubscribeRequest(uri));
            Files.writeString(file, "# Watched\n\nSecond version.\n");
            Eventually.await(Duration.ofSeconds(15), () -> List.copyOf(updates), u -> u.stream().anyMatch(c -> c.uri().equals(uri)
                    && ((McpSchema.TextResourceContents) c).text().contains("Second version")), "notifications/resources/updated for the edit");
        } finally {
            watcher.closeGracefully();
            Files.deleteIfExists(file);
        }
    }
}
