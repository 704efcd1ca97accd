package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GraphApiTest {

    @Test
    void wholeGraphHasNotesAndTypedEdges() {
        given().when().get("/api/graph").then().statusCode(200)
                .body("nodes.id", hasItems("index.md", "rag/Overview.md", "attention/Attention.md"))
                .body("nodes.find { it.id == 'attention/Attention.md' }.title", equalTo("Attention"))
                .body("nodes.find { it.id == 'attention/Attention.md' }.url", equalTo("/notes/attention/Attention"))
                .body("nodes.find { it.id == 'attention/Attention.md' }.folder", equalTo("attention"))
                .body("nodes.find { it.id == 'attention/Attention.md' }.tags", hasItem("ml/attention"))
                .body("nodes.find { it.id == 'attention/Attention.md' }.degree", greaterThan(0))
                .body("edges.find { it.source == 'attention/KV Cache.md' && it.target == 'attention/Attention.md' }.kind", equalTo("embed"))
                .body("edges.find { it.source == 'index.md' && it.target == 'rag/Overview.md' }.kind", equalTo("link"))
                .body("edges.kind", everyItem(isOneOf("link", "embed")));
    }

    @Test
    void linksInCodeAndCommentsMakeNoEdges() {
        given().when().get("/api/graph").then().statusCode(200)
                .body("edges.findAll { it.source == 'attention/Attention.md' }.target", not(hasItem(containsString("Not A Link"))))
                .body("nodes.id", not(hasItem(containsString("Hidden"))));
    }

    @Test
    void localGraphAroundANote() {
        given().queryParam("center", "rag/Overview.md").queryParam("depth", 1).when().get("/api/graph").then().statusCode(200)
                .body("nodes.id", hasItems("rag/Overview.md", "index.md", "rag/Retrieval Basics.md"))
                .body("nodes.id", not(hasItem("cycles/A.md")));
        given().queryParam("center", "rag/Overview").queryParam("depth", 3).when().get("/api/graph").then().statusCode(200)
                .body("nodes.id", hasItem("attention/Attention.md"));
    }

    @Test
    void filtersByTagAndFolderAndAddsTagNodes() {
        given().queryParam("folder", "attention").when().get("/api/graph").then().statusCode(200)
                .body("nodes.folder", everyItem(equalTo("attention")));
        given().queryParam("tag", "rag").when().get("/api/graph").then().statusCode(200)
                .body("nodes.id", hasItems("rag/Overview.md", "rag/Retrieval Basics.md"))
                .body("nodes.id", not(hasItem("attention/Attention.md")));
        given().queryParam("tags", true).when().get("/api/graph").then().statusCode(200)
                .body("nodes.find { it.id == '#rag' }.kind", equalTo("tag"))
                .body("edges.find { it.target == '#rag' }.kind", equalTo("tag"));
    }

    @Test
    void serverLayoutAndLimits() {
        given().queryParam("layout", true).queryParam("limit", 3).when().get("/api/graph").then().statusCode(200)
                .body("nodes.size()", equalTo(3))
                .body("truncated", equalTo(true))
                .body("nodes[0].x", notNullValue());
    }

    @Test
    void badParametersAre4xxWithReadableMessages() {
        given().queryParam("depth", 4).queryParam("center", "index.md").when().get("/api/graph").then().statusCode(400)
                .body("detail", containsString("depth"));
        given().queryParam("center", "nope.md").when().get("/api/graph").then().statusCode(404);
        // a parameter that is not a number is the client's mistake, said as such (issue 26: it used to be a 404)
        given().queryParam("depth", "deep").when().get("/api/graph").then().statusCode(400).body("detail", containsString("\"deep\""));
        given().queryParam("from", "index.md").when().get("/api/graph/path").then().statusCode(400);
        given().queryParam("from", "index.md").queryParam("to", "Nope").when().get("/api/graph/path").then().statusCode(404);
    }

    @Test
    void shortestPathBetweenTwoNotes() {
        given().queryParam("from", "Attention").queryParam("to", "Retrieval Basics").when().get("/api/graph/path").then()
                .statusCode(200)
                .body("connected", equalTo(true))
                .body("notes[0].path", equalTo("attention/Attention.md"))
                .body("notes[-1].path", equalTo("rag/Retrieval Basics.md"))
                .body("notes.size()", equalTo(3));
        given().queryParam("from", "cycles/A.md").queryParam("to", "index.md").when().get("/api/graph/path").then()
                .statusCode(200).body("connected", equalTo(false));
    }

    @Test
    void statsNameOrphansAndHubs() {
        given().when().get("/api/graph/stats").then().statusCode(200)
                .body("orphans", hasItem("broken/Bad Front Matter.md"))
                .body("hubs.size()", greaterThan(0));
    }
}
