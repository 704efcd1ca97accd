package dev.drillbook.auth;

import java.util.List;
import java.util.Locale;

/**
 * Which requests need a signed-in user when a password is set. Reading the notes (pages, search, graph, their JSON)
 * stays public unless {@code publicNotes} is off; anything that writes, and anything that shows personal history
 * (reviews, statistics, drills, attempts, interviews, calibration, exports, MCP), is private. Pure.
 */
public final class AccessPolicy {

    /** Always public: signing in and out (they check their own form tokens) and static files. */
    private static final List<String> OPEN = List.of("/login", "/logout", "/assets/", "/webjars/", "/favicon", "/q/openapi", "/q/swagger-ui");

    /** The notes: public to read unless public-notes is off. */
    private static final List<String> NOTES = List.of("/notes", "/tags", "/folders", "/graph", "/search", "/files/", "/fragments/",
            "/problems", "/unresolved", "/questions", "/events", "/api/notes", "/api/tags", "/api/problems", "/api/jump", "/api/search",
            "/api/graph", "/api/status");

    private AccessPolicy() {
    }

    public static boolean isPrivate(String method, String path, boolean publicNotes) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (OPEN.stream().anyMatch(p::startsWith)) {
            return false;
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return true;
        }
        if (!publicNotes) {
            return true;
        }
        return !(p.equals("/") || NOTES.stream().anyMatch(n -> p.equals(n) || p.startsWith(n.endsWith("/") ? n : n + "/")
                || p.startsWith(n + "?")));
    }
}
