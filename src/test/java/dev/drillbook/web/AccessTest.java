package dev.drillbook.web;

import dev.drillbook.auth.PasswordCheck;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a password set: notes stay public; every write and all personal history need a session or the API token. */
@QuarkusTest
@TestProfile(AccessTest.WithPassword.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessTest {

    static final String PASSWORD = "correct horse battery";
    static final String TOKEN = "test-api-token-4f9a";

    public static class WithPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.auth.password-hash", PasswordCheck.hash(PASSWORD), "drillbook.auth.api-token", TOKEN,
                    "drillbook.auth.login-attempts", "3");
        }
    }

    /** Every endpoint that writes or shows personal history, with a body where it takes one. */
    static final List<String[]> PRIVATE = List.of(
            new String[] {"GET", "/api/cards", null}, new String[] {"GET", "/api/review/next", null},
            new String[] {"POST", "/api/cards/x/reviews", "{\"rating\":\"good\"}"}, new String[] {"POST", "/api/review/undo", null},
            new String[] {"POST", "/api/cards/x/bury", null}, new String[] {"POST", "/api/cards/x/suspend", null},
            new String[] {"POST", "/api/cards/x/unsuspend", null}, new String[] {"GET", "/api/cards/x/reviews", null},
            new String[] {"GET", "/api/stats", null}, new String[] {"GET", "/api/drills", null},
            new String[] {"POST", "/api/drills/cache-drill/attempts", "{\"answer\":\"x\"}"},
            new String[] {"PUT", "/api/drills/cache-drill/draft", "{\"answer\":\"x\"}"}, new String[] {"DELETE", "/api/drills/cache-drill/draft", null},
            new String[] {"GET", "/api/attempts/1", null}, new String[] {"POST", "/api/attempts/1/regrade", null},
            new String[] {"POST", "/api/grade", "{\"question\":\"q\",\"reference\":\"r\",\"answer\":\"a\"}"},
            new String[] {"POST", "/api/preview", "{\"markdown\":\"x\"}"}, new String[] {"POST", "/api/calibration", null},
            new String[] {"GET", "/api/interviews", null}, new String[] {"POST", "/api/interviews", "{\"format\":\"default\"}"},
            new String[] {"POST", "/api/interviews/1/items/0/answer", "{\"answer\":\"x\"}"}, new String[] {"POST", "/api/interviews/1/finish", null},
            new String[] {"GET", "/api/backup", null}, new String[] {"POST", "/api/backup", "{}"},
            new String[] {"GET", "/api/anki/export", null}, new String[] {"POST", "/api/anki/import", "x\ty"},
            new String[] {"POST", "/api/anki/history", "card,reviewed_at,rating"},
            new String[] {"POST", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"});

    static Response send(String[] call, Map<String, String> headers) {
        var req = given().redirects().follow(false).headers(headers);
        if (call[2] != null) {
            req = req.contentType(call[1].contains("anki") ? "text/plain" : "application/json").body(call[2]);
        }
        return req.request(call[0], call[1]);
    }

    @Test
    @Order(1)
    void everyPrivateEndpointIsRefusedWithoutAuthAndTheNotesStayPublic() {
        for (String[] call : PRIVATE) {
            Response r = send(call, Map.of());
            assertEquals(401, r.statusCode(), call[0] + " " + call[1] + ": " + r.asString());
            assertTrue(r.asString().contains("Sign in"), r.asString());
        }
        for (String page : List.of("/review", "/stats", "/drills", "/interviews", "/calibration", "/attempts/1")) {
            Response r = given().redirects().follow(false).accept("text/html").get(page);
            assertEquals(303, r.statusCode(), page);
            assertTrue(r.header("Location").startsWith("/login?next="), r.header("Location"));
        }
        given().get("/api/notes").then().statusCode(200);
        given().accept("text/html").get("/").then().statusCode(200);
        given().get("/api/search?q=attention").then().statusCode(200);
        assertEquals(401, send(PRIVATE.get(0), Map.of("Authorization", "Bearer wrong")).statusCode());
    }

    @Test
    @Order(2)
    void theApiTokenOpensTheJsonApi() {
        given().header("Authorization", "Bearer " + TOKEN).get("/api/stats").then().statusCode(200);
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON).body(Map.of("answer", "draft"))
                .put("/api/drills/cache-drill/draft").then().statusCode(200);
    }

    @Test
    @Order(3)
    void signInWithCsrfThenWritesNeedTheCsrfHeader() {
        Response form = given().get("/login");
        String csrf = form.htmlPath().getString("**.find { it.@name == '_csrf' }.@value");
        String cookie = form.cookie("drillbook_login_csrf");
        assertNotNull(cookie);
        assertEquals(csrf, cookie);

        given().redirects().follow(false).contentType(ContentType.URLENC).formParams(Map.of("password", PASSWORD, "_csrf", "forged"))
                .cookie("drillbook_login_csrf", cookie).post("/login").then().statusCode(403);
        Response wrong = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(Map.of("password", "nope", "_csrf", csrf))
                .cookie("drillbook_login_csrf", cookie).post("/login");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.asString().contains("Sign-in failed."));
        assertFalse(wrong.asString().toLowerCase().contains("hash"), "nothing about what was wrong");

        Response ok = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("password", PASSWORD, "_csrf", csrf, "next", "/stats")).cookie("drillbook_login_csrf", cookie).post("/login");
        assertEquals(303, ok.statusCode());
        assertTrue(ok.header("Location").endsWith("/stats"));
        String setCookie = String.join("\n", ok.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.matches("(?si).*drillbook_session=[^;]+;.*httponly.*") && setCookie.contains("SameSite=Strict"), setCookie);
        String session = ok.cookie("drillbook_session");
        String token = ok.cookie("drillbook_csrf");

        given().cookie("drillbook_session", session).get("/api/stats").then().statusCode(200);
        given().cookie("drillbook_session", session).accept("text/html").get("/review").then().statusCode(200);
        given().cookie("drillbook_session", session).post("/api/review/undo").then().statusCode(403)
                .body("detail", containsString("CSRF"));
        given().cookie("drillbook_session", session).header("X-CSRF-Token", "wrong").post("/api/review/undo").then().statusCode(403);
        int undo = given().cookie("drillbook_session", session).header("X-CSRF-Token", token).post("/api/review/undo").statusCode();
        assertTrue(undo == 200 || undo == 409, "through the guard: " + undo);

        given().redirects().follow(false).cookie("drillbook_session", session).contentType(ContentType.URLENC).formParam("_csrf", "x")
                .post("/logout").then().statusCode(403);
        given().redirects().follow(false).cookie("drillbook_session", session).contentType(ContentType.URLENC).formParam("_csrf", token)
                .post("/logout").then().statusCode(303);
        given().cookie("drillbook_session", session).get("/api/stats").then().statusCode(401);
    }

    @Test
    @Order(4)
    void failedSignInsAreRateLimited() {
        Response form = given().get("/login");
        String csrf = form.cookie("drillbook_login_csrf");
        int last = 0;
        for (int i = 0; i < 4; i++) {
            last = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(Map.of("password", "guess" + i, "_csrf", csrf))
                    .cookie("drillbook_login_csrf", csrf).post("/login").statusCode();
        }
        assertEquals(429, last, "the fourth failure within the window (limit 3)");
        Response blocked = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(Map.of("password", PASSWORD, "_csrf", csrf))
                .cookie("drillbook_login_csrf", csrf).post("/login");
        assertEquals(429, blocked.statusCode(), "even the right password waits");
        assertNotNull(blocked.header("Retry-After"));
    }
}
