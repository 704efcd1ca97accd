package dev.drillbook.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.auth.AccessPolicy;
import dev.drillbook.auth.PasswordCheck;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks every route of the app — every operation of the OpenAPI document and every JAX-RS resource method (pages are
 * hidden from the document), found by reflection — signed out, with a wrong API token, and signed in, against the
 * one list in {@link AccessPolicy}. Then the parts of public pages that are private (mastery, card counts), session
 * rotation, relative redirects, and 40 parallel sign-in attempts against a limit of 5. One test method: the parallel
 * attempts use up the sign-in limit, so nothing may come after them.
 */
@QuarkusTest
@TestProfile(AccessRouteWalkTest.WithPassword.class)
class AccessRouteWalkTest {

    static final String PASSWORD = "route walk password";
    static final String TOKEN = "route-walk-token-91c2";

    public static class WithPassword implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("drillbook.auth.password-hash", PasswordCheck.hash(PASSWORD), "drillbook.auth.api-token", TOKEN,
                    "drillbook.auth.login-attempts", "5");
        }
    }

    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*)?}");

    /** A value for each path parameter that names something that exists (or could). */
    private static String sample(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "path" -> template.startsWith("/questions") ? "rag.md" : template.startsWith("/files") ? "img/diagram.png"
                        : template.startsWith("/folders") ? "rag" : "index.md";
                case "tag" -> "attention";
                case "index" -> "0";
                case "id" -> template.contains("drills") ? "cache-drill" : "1";
                default -> "x";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replaceAll("//+", "/");
    }

    /** Every resource method of the web package, as method and path template. */
    static Set<Route> resourceRoutes() throws IOException, ClassNotFoundException {
        Set<Route> routes = new TreeSet<>();
        List<java.nio.file.Path> classes;
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("target/classes/dev/drillbook/web"))) {
            classes = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList();
        }
        for (java.nio.file.Path file : classes) {
            String name = file.getFileName().toString().replace(".class", "");
            Class<?> type = Class.forName("dev.drillbook.web." + name, false, AccessRouteWalkTest.class.getClassLoader());
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("//+", "/");
                if (path.length() > 1 && path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                routes.add(new Route(verb, path));
            }
        }
        return routes;
    }

    /** Every operation of the OpenAPI document. */
    static Set<Route> openApiRoutes() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Set<Route> routes = new TreeSet<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.keySet().stream().filter(v -> Set.of("get", "post", "put", "delete", "patch").contains(v))
                .forEach(v -> routes.add(new Route(v.toUpperCase(), path))));
        return routes;
    }

    private static String template(String path) {
        return PARAM.matcher(path).replaceAll("{}");
    }

    private static Response call(Route route, Map<String, String> headers, Map<String, String> cookies) {
        var req = given().redirects().follow(false).accept(ContentType.JSON).headers(headers).cookies(cookies);
        if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            req = req.contentType(ContentType.JSON).body("{}");
        }
        return req.request(route.method(), sample(route.path()));
    }

    private record Session(String id, String csrf) {
    }

    private static Session signIn(String previous) {
        Response form = given().get("/login");
        String csrf = form.cookie(LoginPages.LOGIN_CSRF_COOKIE);
        var req = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("password", PASSWORD, "_csrf", csrf, "next", "/stats")).cookie(LoginPages.LOGIN_CSRF_COOKIE, csrf);
        if (previous != null) {
            req = req.cookie(AccessGuard.SESSION_COOKIE, previous);
        }
        Response ok = req.post("/login");
        assertEquals(303, ok.statusCode(), ok.asString());
        assertEquals("/stats", ok.header("Location"), "a relative redirect, never built from the Host header");
        return new Session(ok.cookie(AccessGuard.SESSION_COOKIE), ok.cookie(AccessGuard.CSRF_COOKIE));
    }

    @Test
    void everyRouteFollowsThePolicySignedOutWithAWrongTokenAndSignedIn() throws Exception {
        Set<Route> routes = resourceRoutes();
        Set<String> known = new TreeSet<>();
        routes.forEach(r -> known.add(r.method() + " " + template(r.path())));
        for (Route op : openApiRoutes()) {
            assertTrue(known.contains(op.method() + " " + template(op.path())), "OpenAPI operation not found by reflection: " + op);
        }
        assertTrue(routes.size() > 80, "found " + routes.size() + " routes");
        routes.add(new Route("POST", "/mcp"));
        routes.add(new Route("GET", "/mcp"));

        Session session = signIn(null);
        List<String> failures = new ArrayList<>();
        int privateRoutes = 0;
        for (Route route : routes) {
            if (route.path().equals("/login") || route.path().equals("/logout")) {
                continue; // signing in and out check their own form tokens (below and in AccessTest)
            }
            String path = sample(route.path());
            boolean isPrivate = AccessPolicy.isPrivate(route.method(), path, true);
            privateRoutes += isPrivate ? 1 : 0;

            Response out = call(route, Map.of(), Map.of());
            if (isPrivate && out.statusCode() != 401) {
                failures.add("signed out " + route + " -> " + out.statusCode());
            } else if (isPrivate && !String.valueOf(out.header("WWW-Authenticate")).startsWith("Bearer")) {
                failures.add("no WWW-Authenticate on " + route);
            } else if (!isPrivate && (out.statusCode() == 401 || out.statusCode() == 403 || out.statusCode() >= 500)) {
                failures.add("public " + route + " -> " + out.statusCode());
            }

            Response wrong = call(route, Map.of("Authorization", "Bearer wrong-" + TOKEN), Map.of());
            if (isPrivate && wrong.statusCode() != 401) {
                failures.add("wrong token " + route + " -> " + wrong.statusCode());
            }

            Response in = call(route, Map.of(AccessGuard.CSRF_HEADER, session.csrf()), Map.of(AccessGuard.SESSION_COOKIE, session.id()));
            if (in.statusCode() == 401 || in.statusCode() == 403 || in.statusCode() >= 500) {
                failures.add("signed in " + route + " -> " + in.statusCode() + " " + in.asString().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(privateRoutes > 50, privateRoutes + " private routes");

        mastery(session);
        sessionRotation(session);
        parallelSignInsAreThrottled();
    }

    /** Review a card of a note: signed in, its mastery shows on the note page and in the graph; signed out, neither. */
    private static void mastery(Session session) {
        Map<String, String> cookies = Map.of(AccessGuard.SESSION_COOKIE, session.id());
        Map<String, String> headers = Map.of(AccessGuard.CSRF_HEADER, session.csrf());
        JsonPath cards = given().cookies(cookies).get("/api/cards").then().statusCode(200).extract().jsonPath();
        String id = cards.getString("find { it.notes != null && it.notes.size() > 0 }.id");
        assertNotNull(id, "a card linked to a note");
        given().cookies(cookies).headers(headers).contentType(ContentType.JSON).body(Map.of("rating", "good"))
                .post("/api/cards/" + id + "/reviews").then().statusCode(200);

        assertTrue(given().cookies(cookies).get("/api/graph").asString().contains("\"mastery\""), "signed in: mastery in the graph");
        String publicGraph = given().get("/api/graph").then().statusCode(200).extract().asString();
        assertFalse(publicGraph.contains("mastery"), "signed out: no mastery in the public graph");
        assertFalse(given().header("Authorization", "Bearer nope").get("/api/graph").asString().contains("mastery"));
        assertTrue(given().cookies(cookies).get("/notes/attention/Attention").asString().contains("study-box"));
        assertFalse(given().get("/notes/attention/Attention").then().statusCode(200).extract().asString().contains("study-box"),
                "signed out: no card count or mastery on the note page");
    }

    private static void sessionRotation(Session first) {
        Session second = signIn(first.id());
        assertNotEquals(first.id(), second.id(), "a new session id on sign-in");
        given().cookie(AccessGuard.SESSION_COOKIE, first.id()).get("/api/stats").then().statusCode(401);
        given().cookie(AccessGuard.SESSION_COOKIE, second.id()).get("/api/stats").then().statusCode(200);
        // a next that a Location header cannot hold is replaced by /, not a 500
        Response form = given().get("/login");
        String csrf = form.cookie(LoginPages.LOGIN_CSRF_COOKIE);
        Response odd = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("password", PASSWORD, "_csrf", csrf, "next", "/stats now\t\r\nX-Evil: 1"))
                .cookie(LoginPages.LOGIN_CSRF_COOKIE, csrf).post("/login");
        assertEquals(303, odd.statusCode());
        assertEquals("/", odd.header("Location"));
    }

    /** The attempt is counted before the (slow) password check, so 40 at once cannot all be tried. */
    private static void parallelSignInsAreThrottled() throws Exception {
        Response form = given().get("/login");
        String csrf = form.cookie(LoginPages.LOGIN_CSRF_COOKIE);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String password = i == 39 ? PASSWORD : "guess " + i;
                attempts.add(CompletableFuture.supplyAsync(() -> given().redirects().follow(false).contentType(ContentType.URLENC)
                        .formParams(Map.of("password", password, "_csrf", csrf)).cookie(LoginPages.LOGIN_CSRF_COOKIE, csrf)
                        .post("/login").statusCode(), pool));
            }
            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
            long tried = statuses.stream().filter(s -> s == 401 || s == 303).count();
            long throttled = statuses.stream().filter(s -> s == 429).count();
            assertTrue(tried <= 5, "at most 5 passwords checked: " + statuses);
            assertEquals(40 - tried, throttled, statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
