package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The default mode (no password, localhost): strict headers on every response, only allowed Host names answered
 * (DNS rebinding), and changes from a browser need the double-submit token, so another site cannot make them.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String url : List.of("/", "/notes/index", "/api/notes", "/assets/app.css", "/graph", "/review", "/nope")) {
            Response r = given().redirects().follow(false).get(url);
            String csp = r.header("Content-Security-Policy");
            assertNotNull(csp, url);
            assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-eval"), csp);
            for (String directive : List.of("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'")) {
                assertTrue(csp.contains(directive), url + ": " + directive);
            }
            assertEquals("nosniff", r.header("X-Content-Type-Options"), url);
            assertEquals("same-origin", r.header("Referrer-Policy"), url);
        }
    }

    @Test
    void onlyAllowedHostNamesAreAnswered() {
        for (String host : List.of("evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io")) {
            Response r = given().header("Host", host).get("/api/backup");
            assertEquals(421, r.statusCode(), host);
            assertTrue(r.asString().contains("drillbook.security.allowed-hosts"), r.asString());
            assertEquals(421, given().header("Host", host).contentType("application/json").header("Origin", "http://" + host)
                    .post("/api/review/undo").statusCode(), host);
        }
        for (String host : List.of("localhost", "LOCALHOST:1234", "127.0.0.1:80", "[::1]:8080")) {
            assertEquals(200, given().header("Host", host).get("/api/status").statusCode(), host);
        }
        assertEquals(HostCheck.hostName("[::1]:8080"), "[::1]");
        assertEquals(HostCheck.hostName("Example.ORG."), "example.org");
    }

    @Test
    void aChangeFromABrowserNeedsTheDoubleSubmitTokenAndOtherSitesCannotSendIt() {
        Response page = given().get("/");
        String token = page.cookie(AccessGuard.CSRF_COOKIE);
        assertNotNull(token, "every browser gets a CSRF cookie");

        // a form or fetch from another site: the browser adds Origin/Sec-Fetch-Site, and the site cannot read the cookie
        assertEquals(403, given().header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .contentType("text/plain").body("front\tback").post("/api/anki/import").statusCode());
        assertEquals(403, given().header("Origin", "http://evil.example").cookie(AccessGuard.CSRF_COOKIE, token)
                .contentType("application/x-www-form-urlencoded").formParam("rating", "good").post("/api/review/undo").statusCode());
        assertEquals(403, given().header("Sec-Fetch-Site", "cross-site").cookie(AccessGuard.CSRF_COOKIE, token)
                .header(AccessGuard.CSRF_HEADER, token).post("/api/review/undo").statusCode(), "cross-site even with the token");
        String origin = "http://localhost:" + io.restassured.RestAssured.port;
        Response guessed = given().header("Origin", origin).cookie(AccessGuard.CSRF_COOKIE, token)
                .header(AccessGuard.CSRF_HEADER, "guess").post("/api/review/undo");
        assertEquals(403, guessed.statusCode());
        assertTrue(guessed.asString().contains("CSRF token"), guessed.asString());
        Response noHeader = given().header("Sec-Fetch-Site", "same-origin").cookie(AccessGuard.CSRF_COOKIE, token)
                .contentType("text/plain").body("front\tback").post("/api/anki/import");
        assertEquals(403, noHeader.statusCode(), "a browser request without the header");
        assertTrue(noHeader.asString().contains("CSRF token"), noHeader.asString());

        int own = given().header("Origin", origin).header("Sec-Fetch-Site", "same-origin")
                .cookie(AccessGuard.CSRF_COOKIE, token).header(AccessGuard.CSRF_HEADER, token).post("/api/review/undo").statusCode();
        assertTrue(own == 200 || own == 409, "the site's own page passes: " + own);
        int client = given().post("/api/review/undo").statusCode();
        assertTrue(client == 200 || client == 409, "a client that is not a browser (MCP, curl) is not a CSRF risk: " + client);
    }
}
