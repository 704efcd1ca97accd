package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SitePagesTest {

    @Test
    void homeShowsFoldersRecentNotesAndTags() {
        given().when().get("/notes").then().statusCode(200).contentType("text/html")
                .body(allOf(containsString("Your study vault"), containsString("href=\"/folders/rag\""),
                        containsString("Recently changed"), containsString("#ml/attention")));
    }

    @Test
    void notePageShowsTitlePropertiesContentTocBacklinksAndOutgoingLinks() {
        given().when().get("/notes/rag/Overview").then().statusCode(200)
                .body(allOf(
                        containsString("<h1 class=\"inline-title\">Overview</h1>"),
                        containsString("<th scope=\"row\">created</th>"),
                        containsString("2024-03-01"),
                        containsString("href=\"/notes/attention/Attention\""),
                        containsString("class=\"markdown-preview-view markdown-rendered"),
                        containsString("On this page"),
                        containsString("href=\"#late-interaction\""),
                        containsString("Linked from"),
                        containsString("Study Index"),
                        containsString("Start with <a href=\"/notes/rag/Overview\" class=\"internal-link backlink-target\" data-href=\"Overview\">RAG overview</a>")));
    }

    @Test
    void aNoteOpeningWithItsTitleShowsItOnce() {
        String html = given().when().get("/notes/attention/Attention").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1, html.split(">Attention</h1>", -1).length - 1, "one h1 with the title");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("wide-page"), "cssclasses reach the wrapper");
    }

    @Test
    void notePageEscapesTitlesAndListsUnresolvedLinks() {
        given().when().get("/notes/index").then().statusCode(200)
                .body(allOf(containsString("Not written yet"), containsString("Nowhere To Be Found"),
                        containsString("is-unresolved")));
    }

    @Test
    void tagPagesAreNested() {
        given().when().get("/tags").then().statusCode(200).body(allOf(containsString("#ml/attention"), containsString("#rag/evals")));
        given().when().get("/tags/ml").then().statusCode(200)
                .body(allOf(containsString("#ml"), containsString("Attention"), containsString("KV Cache"),
                        containsString("#ml/inference")));
    }

    @Test
    void folderPageListsNotes() {
        given().when().get("/folders/rag").then().statusCode(200)
                .body(allOf(containsString("Retrieval Basics"), containsString("Overview")));
    }

    @Test
    void problemsPageGroupsProblems() {
        given().when().get("/problems").then().statusCode(200)
                .body(allOf(containsString("Links to notes that do not exist"), containsString("Front matter that could not be read"),
                        containsString("Embeds that loop"), containsString("broken/Broken Links.md")));
    }

    @Test
    void unresolvedPageListsTheNotesThatNeedIt() {
        given().queryParam("target", "Ghost Note").when().get("/unresolved").then().statusCode(200)
                .body(allOf(containsString("does not exist yet"), containsString("Broken Links")));
    }

    @Test
    void unknownPagesAreFriendly404s() {
        given().accept("text/html").when().get("/notes/does/not/exist").then().statusCode(404).contentType("text/html")
                .body(allOf(containsString("Not found"), not(containsString("Exception"))));
    }

    @Test
    void explorerFragmentListsAFoldersChildren() {
        given().queryParam("current", "rag/Overview.md").when().get("/fragments/explorer").then().statusCode(200)
                .body(allOf(containsString("Retrieval Basics"), containsString("tree-folder\" open")));
        given().queryParam("folder", "rag").when().get("/fragments/explorer").then().statusCode(200)
                .body(allOf(containsString("Retrieval Basics"), containsString("/notes/rag/Overview")));
    }
}
