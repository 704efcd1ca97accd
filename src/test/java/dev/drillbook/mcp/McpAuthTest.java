package dev.drillbook.mcp;

import dev.drillbook.auth.PasswordCheck;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** With sign-in on, an MCP client without a token is told how to authenticate (a bearer token), not left to guess OAuth. */
@QuarkusTest
@TestProfile(McpAuthTest.WithToken.class)
class McpAuthTest {

    static final String TOKEN = "mcp-test-token-7c21";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.auth.password-hash", PasswordCheck.hash("mcp-test-password"), "drillbook.auth.api-token", TOKEN);
        }
    }

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    @Test
    void a401CarriesTheBearerChallenge() {
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream").body(INITIALIZE).post("/mcp")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer "));
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream").header("Authorization", "Bearer wrong")
                .body(INITIALIZE).post("/mcp").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer "));
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream").header("Authorization", "Bearer " + TOKEN)
                .body(INITIALIZE).post("/mcp").then().statusCode(200);
    }
}
