package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.drillbook.support.VaultTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VaultTestResource.class, scope = TestResourceScope.GLOBAL)
class VaultApiTest {

    @Test
    void listsNotesWithPathsTitlesUrlsTagsAndAliases() {
        given().when().get("/api/notes").then().statusCode(200)
                .body("path", hasItems("index.md", "rag/Overview.md", "attention/Attention.md", "rag/Retrieval Basics.md"))
                .body("find { it.path == 'index.md' }.title", equalTo("Study Index"))
                .body("find { it.path == 'index.md' }.aliases", hasItems("Home", "Start here"))
                .body("find { it.path == 'rag/Overview.md' }.url", equalTo("/notes/rag/Overview"))
                .body("find { it.path == 'rag/Overview.md' }.tags", hasItems("rag", "rag/evals"));
    }

    @Test
    void ignoresDotFolders() {
        given().when().get("/api/notes").then().statusCode(200)
                .body("path", not(hasItem(startsWith(".trash"))))
                .body("path", not(hasItem(startsWith(".obsidian"))));
    }

    @Test
    void noteDetailHasHtmlHeadingsLinksBacklinksAndProperties() {
        given().when().get("/api/notes/rag/Overview.md").then().statusCode(200)
                .body("title", equalTo("Overview"))
                .body("properties.created", equalTo("2024-03-01"))
                .body("properties.status", equalTo("draft"))
                .body("headings.text", hasItems("Retrieval-augmented generation", "Key Ideas", "Late Interaction"))
                .body("headings.find { it.text == 'Key Ideas' }.id", equalTo("key-ideas"))
                .body("headings.find { it.text == 'Key Ideas' }.level", equalTo(2))
                .body("links.find { it.target == 'Retrieval Basics' }.anchor", equalTo("Dense Retrieval"))
                .body("links.find { it.target == 'Retrieval Basics' }.resolved", equalTo("rag/Retrieval Basics.md"))
                .body("links.find { it.target == 'Retrieval Basics' }.embed", equalTo(false))
                .body("backlinks", hasItems("index.md", "attention/KV Cache.md"))
                .body("html", containsString("id=\"^rag-definition\""))
                .body("html", containsString("href=\"/notes/rag/Retrieval%20Basics#dense-retrieval\""));
    }

    @Test
    void unresolvedLinksHaveNullTargetAndAProblem() {
        given().when().get("/api/notes/index.md").then().statusCode(200)
                .body("links.find { it.target == 'Nowhere To Be Found' }.resolved", nullValue())
                .body("problems.kind", hasItem("broken-link"))
                .body("html", containsString("internal-link is-unresolved"));
    }

    @Test
    void embedsAreFilledInWithSectionsAndBlocks() {
        given().when().get("/api/notes/attention/KV Cache.md").then().statusCode(200)
                .body("links.findAll { it.embed }.target", hasItems("Attention", "Overview", "diagram.png"))
                .body("html", containsString("class=\"internal-embed markdown-embed\" data-src=\"Attention#Softmax\""))
                .body("html", containsString("\\mathrm{softmax}(z)_i"))
                .body("html", not(containsString("Multi-Head")))
                .body("html", containsString("RAG grounds a model"))
                .body("html", containsString("<img src=\"/files/img/diagram.png\""));
    }

    @Test
    void embedCyclesRenderOnceWithANotice() {
        given().when().get("/api/notes/cycles/A.md").then().statusCode(200)
                .body("html", containsString("B embeds A"))
                .body("html", containsString("embed-cycle"))
                .body("problems.kind", hasItem("embed-cycle"));
    }

    @Test
    void linksInCodeAndCommentsAreNotLinks() {
        given().when().get("/api/notes/attention/Attention.md").then().statusCode(200)
                .body("links.target", not(hasItem("Not A Link")))
                .body("links.target", not(hasItem("Hidden Link")))
                .body("tags", not(hasItem("not-a-tag")))
                .body("html", not(containsString("private thought")))
                .body("html", containsString("$not math$"));
    }

    @Test
    void unknownNoteIs404WithJsonBody() {
        given().when().get("/api/notes/no/such/note.md").then().statusCode(404)
                .contentType("application/json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("no/such/note.md"));
    }

    @Test
    void pathsEscapingTheVaultAre404() {
        given().urlEncodingEnabled(false).when().get("/api/notes/..%2F..%2Fpom.xml").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/api/notes/%2E%2E/%2E%2E/pom.xml").then().statusCode(404);
        given().urlEncodingEnabled(false).when().get("/files/..%2F..%2F..%2Fpom.xml").then().statusCode(404);
        given().when().get("/files/.obsidian/workspace.json").then().statusCode(404);
        given().when().get("/api/notes/.trash/Deleted.md").then().statusCode(404);
    }

    @Test
    void servesAttachmentsFromTheVault() {
        given().when().get("/files/img/diagram.png").then().statusCode(200)
                .contentType("image/png")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void tagsCountNestedTagsUnderTheirParents() {
        given().when().get("/api/tags").then().statusCode(200)
                .body("find { it.name == 'rag' }.count", equalTo(2))
                .body("find { it.name == 'rag/evals' }.count", equalTo(1))
                .body("find { it.name == 'ml' }.count", equalTo(2))
                .body("find { it.name == 'ml/attention' }.count", equalTo(1));
    }

    @Test
    void problemsListEveryKindWithPathsAndLines() {
        given().when().get("/api/problems").then().statusCode(200)
                .body("find { it.kind == 'bad-front-matter' }.path", equalTo("broken/Bad Front Matter.md"))
                .body("find { it.kind == 'bad-front-matter' }.line", equalTo(3))
                .body("findAll { it.kind == 'broken-link' }.path", hasItems("index.md", "broken/Broken Links.md"))
                .body("find { it.kind == 'broken-anchor' }.message", containsString("No Such Heading"))
                .body("findAll { it.kind == 'ambiguous-link' }.path", hasItem("broken/Broken Links.md"))
                .body("findAll { it.kind == 'embed-cycle' }.path", hasItems("cycles/A.md", "cycles/B.md"))
                .body("findAll { it.kind == 'unreadable-file' }.path", hasItems("broken/Latin1.md", "broken/Loop.md"))
                .body("path", everyItem(not(startsWith("/"))));
    }

    @Test
    void badFrontMatterStillRendersTheNote() {
        given().when().get("/api/notes/broken/Bad Front Matter.md").then().statusCode(200)
                .body("title", equalTo("Bad Front Matter"))
                .body("html", containsString("Body text survives broken YAML."))
                .body("problems[0].kind", equalTo("bad-front-matter"));
    }

    @Test
    void aNoteThatIsNotUtf8IsShownAndReported() {
        given().when().get("/api/notes/broken/Latin1.md").then().statusCode(200)
                .body("html", containsString("Caf&#xfffd;")) // the sanitiser writes U+FFFD as a reference
                .body("problems.kind", hasItem("unreadable-file"));
    }

    @Test
    void openApiDocumentDescribesTheNotesApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/notes'.get.summary", equalTo("List every note"))
                .body("paths.'/api/notes/{path}'.get.responses.'404'.description", containsString("No such note"));
    }

    @Test
    void jumpFindsNotesByTitleAndAlias() {
        given().queryParam("q", "sdpa").when().get("/api/jump").then().statusCode(200)
                .body("[0].path", equalTo("attention/Attention.md"))
                .body("[0].alias", equalTo("SDPA"));
        given().queryParam("q", "retr").when().get("/api/jump").then().statusCode(200)
                .body("[0].path", equalTo("rag/Retrieval Basics.md"));
    }
}
