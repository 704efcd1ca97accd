package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.drillbook.support.Eventually;
import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Search relevance and behaviour on the fixture vault. */
@QuarkusTest
class SearchApiTest {

    private static JsonPath search(String q) {
        return given().queryParam("q", q).when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void titleMatchesComeFirstWithSnippetAndHeading() {
        given().queryParam("q", "retrieval basics").when().get("/api/search").then().statusCode(200)
                .body("[0].path", equalTo("rag/Retrieval Basics.md"))
                .body("[0].title", equalTo("Retrieval Basics"))
                .body("[0].url", startsWith("/notes/rag/Retrieval%20Basics"))
                .body("[0].score", notNullValue());
        given().queryParam("q", "cosine similarity").when().get("/api/search").then().statusCode(200)
                .body("[0].path", equalTo("rag/Retrieval Basics.md"))
                .body("[0].heading", equalTo("Dense Retrieval"))
                .body("[0].snippet", containsString("<mark>cosine</mark>"));
    }

    /** Searches take turns, one per core at a time: many at once are all answered, bad queries among them refused. */
    @Test
    void manyConcurrentSearchesAreAllAnsweredAndFailuresDoNotKeepTheirTurn() throws Exception {
        int clients = Runtime.getRuntime().availableProcessors() * 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients * 3; i++) {
                String q = i % 3 == 0 ? "\"unclosed" : i % 3 == 1 ? "retrieval" : "atention";
                answers.add(pool.submit(() -> given().queryParam("q", q).when().get("/api/search").then().extract().statusCode()));
            }
            for (int i = 0; i < answers.size(); i++) {
                org.junit.jupiter.api.Assertions.assertEquals(i % 3 == 0 ? 400 : 200,
                        answers.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS), "request " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        org.junit.jupiter.api.Assertions.assertEquals("rag/Retrieval Basics.md", search("retrieval basics").get("[0].path"));
    }

    @Test
    void everyHitHasEveryFieldEvenWithoutAHeading() {
        List<java.util.Map<String, Object>> hits = search("attention").getList("$");
        org.junit.jupiter.api.Assertions.assertFalse(hits.isEmpty());
        for (java.util.Map<String, Object> hit : hits) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("path", "title", "url", "heading", "snippet", "score"),
                    hit.keySet(), hit.toString());
            org.junit.jupiter.api.Assertions.assertTrue(hit.get("score") instanceof Number, hit.toString());
        }
        given().queryParam("q", "attention").when().get("/api/search").then().statusCode(200)
                .contentType(io.restassured.http.ContentType.JSON);
    }

    @Test
    void aliasesAndTagsAreSearched() {
        Object first = search("sdpa").get("[0].path");
        org.junit.jupiter.api.Assertions.assertEquals("attention/Attention.md", first);
        org.junit.jupiter.api.Assertions.assertTrue(search("inference").getList("path").contains("attention/KV Cache.md"),
                "tag ml/inference");
    }

    @Test
    void typosAndPrefixesStillMatch() {
        org.junit.jupiter.api.Assertions.assertEquals("attention/Attention.md", search("atention").get("[0].path"));
        // the snippet marks the word the typo stood for
        org.junit.jupiter.api.Assertions.assertTrue(search("atention").getString("[0].snippet").toLowerCase().contains("<mark>attention</mark>"),
                search("atention").getString("[0].snippet"));
        org.junit.jupiter.api.Assertions.assertEquals("rag/Retrieval Basics.md", search("reciproc").get("[0].path"));
    }

    @Test
    void phrasesMatchInOrder() {
        List<String> phrase = search("\"rank fusion\"").getList("path");
        org.junit.jupiter.api.Assertions.assertEquals("rag/Retrieval Basics.md", phrase.get(0));
        org.junit.jupiter.api.Assertions.assertTrue(search("\"fusion rank\"").getList("path").isEmpty(), "wrong order finds nothing");
    }

    @Test
    void filtersByTagAndFolder() {
        given().queryParam("q", "retrieval").queryParam("tag", "search").when().get("/api/search").then().statusCode(200)
                .body("path", everyItem(equalTo("rag/Retrieval Basics.md")));
        given().queryParam("q", "attention folder:attention").when().get("/api/search").then().statusCode(200)
                .body("path", everyItem(startsWith("attention/")));
    }

    @Test
    void commentsFrontMatterAndMarkupNeverMatch() {
        given().queryParam("q", "private thought").when().get("/api/search").then().statusCode(200).body("", empty());
        given().queryParam("q", "2024").when().get("/api/search").then().statusCode(200).body("", empty());
        given().queryParam("q", "callout").when().get("/api/search").then().statusCode(200).body("", empty());
        given().queryParam("q", "draft").when().get("/api/search").then().statusCode(200).body("", empty());
    }

    @Test
    void emptyOrMalformedQueriesAre400() {
        given().when().get("/api/search").then().statusCode(400).body("detail", containsString("Type something"));
        given().queryParam("q", "   ").when().get("/api/search").then().statusCode(400);
        given().queryParam("q", "\"unclosed").when().get("/api/search").then().statusCode(400)
                .body("title", equalTo("Bad request")).body("detail", containsString("quote"));
        given().queryParam("q", "x").queryParam("limit", 0).when().get("/api/search").then().statusCode(400);
        given().queryParam("q", "word ".repeat(33).strip()).when().get("/api/search").then().statusCode(400)
                .body("detail", containsString("at most 32 words"));
    }

    @Test
    void theIndexFollowsTheVault() throws IOException {
        Path file = VaultTestResource.vault().resolve("live-search/Zebra Note.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Zebra\n\nQuokkas and zebras discuss xylophones.\n");
        try {
            Eventually.await(Duration.ofSeconds(10), () -> search("xylophones").getList("path"),
                    paths -> paths.contains("live-search/Zebra Note.md"), "the new note to be searchable");
        } finally {
            Files.delete(file);
        }
        Eventually.await(Duration.ofSeconds(10), () -> search("xylophones").getList("path"), List::isEmpty,
                "the deleted note to leave the index");
    }

    @Test
    void searchPageAndFragmentsRender() {
        given().queryParam("q", "cosine").when().get("/search").then().statusCode(200)
                .body(containsString("Retrieval Basics"), containsString("<mark>cosine</mark>"));
        given().queryParam("q", "cosine").when().get("/fragments/search").then().statusCode(200)
                .body(not(containsString("<html")), containsString("search-results"));
        given().queryParam("q", "\"broken").when().get("/fragments/search").then().statusCode(200)
                .body(containsString("search-error"));
        given().queryParam("q", "sdpa").when().get("/fragments/palette").then().statusCode(200)
                .body(containsString("data-url=\"/notes/attention/Attention\""), containsString("alias: SDPA"));
        given().queryParam("path", "attention/Attention.md").queryParam("anchor", "softmax").when().get("/fragments/preview")
                .then().statusCode(200).body(containsString("Softmax"), not(containsString("Multi-Head")));
    }
}
