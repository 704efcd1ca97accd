package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** "Test the LLM connection" without an endpoint configured: a readable answer, never an error page. */
@QuarkusTest
class LlmCheckApiTest {

    @Test
    void withoutAnEndpointItSaysSoPlainly() {
        given().post("/api/settings/llm-check").then().statusCode(200)
                .body("configured", equalTo(false)).body("ok", equalTo(false))
                .body("reply", containsString("drillbook.llm.base-url"));
    }

    @Test
    void settingsPageOffersTheCheckAndShowsTheQuestionsFolder() {
        given().get("/settings").then().statusCode(200)
                .body(containsString("data-llm-check"), containsString("Bundled decks"), containsString("/api/anki/export"),
                        containsString("Download a backup"));
    }
}
