package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Bad input from the attack pass (issue 26 #7): a clear 4xx with a readable message, never a 500 or a stack trace. */
@QuarkusTest
class InputBoundsTest {

    private static void refused(Response r, int status, String needle) {
        String body = r.asString();
        assertEquals(status, r.statusCode(), body);
        assertTrue(body.contains(needle), body);
        assertFalse(body.contains("at dev.drillbook") || body.contains("Exception"), "no stack trace: " + body);
    }

    @Test
    void overLongGradeFieldsAreRefused() {
        String big = "x".repeat(100_001);
        refused(given().contentType(ContentType.JSON).body(Map.of("question", big, "reference", "r", "answer", "a"))
                .post("/api/grade"), 400, "question is 100001 characters");
        refused(given().contentType(ContentType.JSON).body(Map.of("question", "q", "reference", big, "answer", "a"))
                .post("/api/grade"), 400, "reference");
        refused(given().contentType(ContentType.JSON).body(Map.of("question", "q", "reference", "r", "answer", "a",
                "cardId", "c".repeat(17))).post("/api/grade"), 400, "cardId");
    }

    @Test
    void numbersOutOfRangeAreABadRequestNotANotFound() {
        for (String url : new String[] {"/api/cards?limit=2147483648", "/api/search?q=a&limit=2147483648",
                "/api/graph?limit=99999999999", "/api/jump?q=a&limit=abc", "/api/graph?depth=1e9"}) {
            refused(given().get(url), 400, "not valid");
        }
    }

    @Test
    void aNegativeTimeUsedIsRefused() {
        refused(given().contentType(ContentType.JSON).body(Map.of("answer", "My design", "timeUsedSeconds", -5))
                .post("/api/drills/cache-drill/attempts"), 400, "timeUsedSeconds");
    }

    @Test
    void deepOrHugeJsonIsRefusedBeforeAnyCodeSeesIt() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        refused(given().contentType(ContentType.JSON).body("{\"answer\":\"x\",\"extra\":" + deep + "}")
                .put("/api/drills/cache-drill/draft"), 400, "not valid JSON");
        refused(given().contentType(ContentType.JSON).body("{\"markdown\":\"" + "x".repeat(1_000_001) + "\"}").post("/api/preview"),
                400, "not valid JSON");
        refused(given().contentType(ContentType.JSON).body("{\"rating\":" + "9".repeat(500) + "}").post("/api/cards/x/reviews"),
                400, "not valid JSON");
    }

    @Test
    void aBodyPastTheUploadLimitIsRefused() throws Exception {
        // announced with Expect: 100-continue, so the server answers before the 12 MB are sent
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/anki/import"))
                .expectContinue(true).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a\tb\n".repeat(3_000_000))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
    }

    @Test
    void mcpRefusesABodyThatIsNotAMessage() {
        for (String body : new String[] {"[]", "42", "\"x\"", "{", "null"}) {
            Response r = given().contentType(ContentType.JSON).accept("application/json, text/event-stream").body(body).post("/mcp");
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, body + " -> " + r.statusCode() + " " + r.asString());
        }
    }
}
