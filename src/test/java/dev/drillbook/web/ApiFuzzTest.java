package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes every operation of the OpenAPI document with a seeded generator (the same requests on every run; set
 * {@code -Dfuzz.seed=N} for others): hostile path segments (traversal, encoded dots, absolute paths, huge numbers,
 * control characters), random query values for the documented parameters, and JSON bodies of the wrong shape, with
 * the documented field names filled with values of every type. No request may get a 5xx, a stack trace, or a file
 * from outside the vault. Runs in its own app (restores and resets change its data).
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnApp.class)
class ApiFuzzTest {

    public static class OwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.calibration.llm-sample", "1");
        }
    }

    static final int PER_OPERATION = 12;

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    static final List<String> HOSTILE_SEGMENTS = List.of("../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "/etc/passwd", "C:%5CWindows%5Cwin.ini",
            "..%5c..%5cetc%5cpasswd", "%00", "a%00.md", ".obsidian/app.json", ".git/config", "2147483648",
            "-1", "99999999999999999999", "0", "NaN", "%F0%9F%92%A9", "%C0%AE%C0%AE/etc/passwd", "x".repeat(3000),
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1--", "index.md", "cache-drill", "1");

    /** Vert.x's limit on the request line (quarkus.http.limits.max-initial-line-length, default 4096). */
    static final int MAX_REQUEST_LINE = 4096;

    static final List<Object> VALUES = List.of("", " ", "x", "a".repeat(20_000), -1, 0, 1, 2147483647, -2147483648,
            9.99e307, true, false, List.of(), Map.of(), List.of(1, "a"), Map.of("a", Map.of("b", 1)), "2147483648",
            "<script>alert(1)</script>", "../../etc/passwd", "\u0000", "\uD83D\uDCA9", "again", "good", "9", "BANANA",
            "1970-01-01T00:00:00Z", "not-a-date");

    record Operation(String method, String path, List<String> query, Set<String> fields) {
    }

    private static List<Operation> operations() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        List<Operation> out = new ArrayList<>();
        paths.forEach((path, ops) -> ops.forEach((verb, op) -> {
            if (!Set.of("get", "post", "put", "delete").contains(verb) || path.startsWith("/mcp")) {
                return;
            }
            List<String> query = new ArrayList<>();
            Object params = op.get("parameters");
            if (params instanceof List<?> list) {
                for (Object p : list) {
                    Map<?, ?> param = (Map<?, ?>) p;
                    if ("query".equals(param.get("in"))) {
                        query.add(String.valueOf(param.get("name")));
                    }
                }
            }
            Set<String> fields = new java.util.TreeSet<>();
            String body = String.valueOf(op.get("requestBody"));
            Matcher ref = Pattern.compile("#/components/schemas/(\\w+)").matcher(body);
            while (ref.find()) {
                Map<String, Object> schema = schemas == null ? null : schemas.get(ref.group(1));
                if (schema != null && schema.get("properties") instanceof Map<?, ?> props) {
                    props.keySet().forEach(k -> fields.add(String.valueOf(k)));
                }
            }
            out.add(new Operation(verb.toUpperCase(), path, query, fields));
        }));
        return out;
    }

    private static String anyJson(Random random, Set<String> fields) {
        return switch (random.nextInt(6)) {
            case 0 -> "[]";
            case 1 -> "null";
            case 2 -> "{\"" + "k".repeat(random.nextInt(50)) + "\":" + json(VALUES.get(random.nextInt(VALUES.size()))) + "}";
            case 3 -> "{";
            default -> {
                StringBuilder b = new StringBuilder("{");
                for (String f : fields) {
                    if (random.nextInt(4) > 0) {
                        b.append(b.length() > 1 ? "," : "").append('"').append(f).append("\":")
                                .append(json(VALUES.get(random.nextInt(VALUES.size()))));
                    }
                }
                yield b.append('}').toString();
            }
        };
    }

    private static String json(Object v) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noOperationAnswersA5xxOrAStackTraceOrAFileOutsideTheVault() {
        long seed = Long.getLong("fuzz.seed", 26L);
        Random random = new Random(seed);
        List<Operation> ops = operations();
        assertTrue(ops.size() > 50, ops.size() + " operations");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        RestAssuredConfig noRedirects = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        for (Operation op : ops) {
            for (int i = 0; i < PER_OPERATION; i++) {
                Matcher m = PARAM.matcher(op.path());
                StringBuilder url = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(url, Matcher.quoteReplacement(HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()))));
                }
                m.appendTail(url);
                StringBuilder q = new StringBuilder();
                for (String name : op.query()) {
                    if (random.nextBoolean()) {
                        Object v = VALUES.get(random.nextInt(VALUES.size()));
                        q.append(q.length() == 0 ? "?" : "&").append(name).append('=')
                                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
                    }
                }
                var req = given().config(noRedirects).urlEncodingEnabled(false).accept("application/json");
                if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
                    boolean text = op.path().startsWith("/api/anki");
                    req = req.contentType(text ? "text/plain" : "application/json")
                            .body(text ? "front\tback\n".repeat(random.nextInt(3)) + "\u0000\t" : anyJson(random, op.fields()));
                }
                String target = url + q.toString();
                Response r;
                try {
                    r = req.request(op.method(), target);
                } catch (Exception first) {
                    // a kept-alive connection the server closed after the previous (refused) request: a real client
                    // sends again on a new connection; a second failure is a finding
                    try {
                        r = req.request(op.method(), target);
                    } catch (Exception e) {
                        if (target.length() > MAX_REQUEST_LINE) {
                            // refused before it was read (414) and the connection closed while the client still wrote
                            // it: which of the two the client sees is a race, and neither is a server failure
                            continue;
                        }
                        failures.add(op.method() + " " + target.substring(0, Math.min(200, target.length())) + " -> " + e);
                        continue;
                    }
                }
                sent++;
                String body = r.asString();
                if (r.statusCode() >= 500 || body.contains("\tat ") || body.contains("at dev.drillbook") || body.contains("root:x:0:0")
                        || body.contains("[boot loader]")) {
                    failures.add(op.method() + " " + target.substring(0, Math.min(200, target.length())) + " -> " + r.statusCode()
                            + " " + body.substring(0, Math.min(200, body.length())));
                }
            }
        }
        System.out.printf("ApiFuzzTest: %d operations, %d requests, %d failures (seed %d)%n", ops.size(), sent, failures.size(), seed);
        assertEquals(List.of(), failures);
    }
}
