package dev.drillbook.auth;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is private, in one list, and so which requests need a signed-in user when a password is set. The notes
 * (pages, search, graph, their JSON) are public to read unless {@code publicNotes} is off; every {@link Private} kind
 * of data is shown only to a signed-in user (or the API token), both on its own routes and where a public page would
 * show a piece of it (mastery and card counts on a note page, {@code mastery} in the graph JSON). Anything that
 * writes is private, and so is every route this class does not know (a new route is private until listed). Pure.
 */
public final class AccessPolicy {

    /** The kinds of personal data, each with the routes that show or change it. */
    public enum Private {
        REVIEW_HISTORY("/review", "/api/cards", "/api/review", "/mcp"),
        MASTERY(),
        ANSWERS("/api/grade", "/api/preview", "/api/drills", "/drills"),
        ATTEMPTS("/attempts", "/api/attempts"),
        INTERVIEWS("/interviews", "/api/interviews"),
        BACKUPS("/api/backup"),
        ANKI_EXPORT("/api/anki"),
        STATS("/stats", "/api/stats", "/plan", "/api/plan", "/api/fsrs", "/settings", "/api/settings"),
        CALIBRATION_RUNS("/calibration", "/api/calibration");

        private final List<String> routes;

        Private(String... routes) {
            this.routes = List.of(routes);
        }

        public List<String> routes() {
            return routes;
        }
    }

    /** Always public: signing in and out (they check their own form tokens), static files and the API description. */
    private static final List<String> OPEN = List.of("/login", "/logout", "/assets", "/webjars", "/favicon.ico", "/q/openapi",
            "/q/swagger-ui", "/robots.txt");

    /** The notes: public to read unless public-notes is off. */
    private static final List<String> NOTES = List.of("/notes", "/tags", "/folders", "/graph", "/search", "/files", "/fragments",
            "/problems", "/unresolved", "/questions", "/events", "/api/notes", "/api/tags", "/api/problems", "/api/jump", "/api/search",
            "/api/graph", "/api/status");

    private AccessPolicy() {
    }

    /** Whether {@code method path} needs a signed-in user (or the API token). */
    public static boolean isPrivate(String method, String path, boolean publicNotes) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (OPEN.stream().anyMatch(o -> under(p, o))) {
            return false;
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return true;
        }
        if (!publicNotes || privateData(p).isPresent()) {
            return true;
        }
        return !(p.equals("/") || NOTES.stream().anyMatch(n -> under(p, n)));
    }

    /** The private data a route shows, if any. */
    public static Optional<Private> privateData(String path) {
        for (Private kind : Private.values()) {
            if (kind.routes().stream().anyMatch(r -> under(path, r))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a viewer may see {@code kind} (on its own routes or inside a public page): always without a password
     * (the app then serves only the allowed hosts), else only when signed in. The same rule for every kind today;
     * callers name the kind so that each place private data appears is listed against this policy.
     */
    public static boolean mayRead(Private kind, boolean passwordSet, boolean signedIn) {
        return kind != null && (!passwordSet || signedIn);
    }

    /** Every kind with its routes, for documentation and tests. */
    public static Map<Private, List<String>> list() {
        Map<Private, List<String>> out = new EnumMap<>(Private.class);
        for (Private kind : Private.values()) {
            out.put(kind, kind.routes());
        }
        return out;
    }

    /** {@code path} is {@code prefix} or below it ({@code /notes} covers {@code /notes/a}, not {@code /notesx}). */
    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || (path.startsWith(prefix) && (prefix.endsWith("/") || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?'));
    }
}
