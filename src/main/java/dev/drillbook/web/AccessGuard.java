package dev.drillbook.web;

import dev.drillbook.auth.AccessPolicy;
import dev.drillbook.auth.PasswordCheck;
import dev.drillbook.auth.Sessions;
import dev.drillbook.config.DrillbookConfig;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Guards every request (pages, JSON API, MCP, static files) when a password is set: private requests need a session
 * cookie — and, if they change anything, the session's CSRF token in {@code X-CSRF-Token} — or the API token as a bearer
 * token. Without a password nothing is guarded, and serving beyond localhost is warned about at start-up.
 */
@ApplicationScoped
public class AccessGuard {

    private static final Logger LOG = Logger.getLogger(AccessGuard.class);
    public static final String SESSION_COOKIE = "drillbook_session";
    /** Readable by the page's scripts, which echo it in a header: a cross-site page cannot read it (double submit). */
    public static final String CSRF_COOKIE = "drillbook_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    @Inject
    DrillbookConfig config;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost")
    String host;

    /** Set by the guard on every request: whether it comes from a signed-in user or with the API token. */
    static final String SIGNED_IN = "drillbook.signed-in";

    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest currentRequest;

    private volatile Sessions sessions;

    void start(@Observes StartupEvent event) {
        sessions = new Sessions(config.auth().sessionTimeout());
        Optional<String> hash = config.auth().passwordHash().filter(h -> !h.isBlank());
        if (hash.isPresent() && !PasswordCheck.isHash(hash.get())) {
            throw new IllegalStateException("drillbook.auth.password-hash is not a bcrypt hash ($2a$…/$2b$…); see README, \"Access\".");
        }
        if (hash.isEmpty() && !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1"))) {
            LOG.warn("\n*************************************************************************************************\n"
                    + "* Drillbook is served on " + host + " WITHOUT A PASSWORD: anyone who can reach it can read and change your\n"
                    + "* reviews, attempts and interviews. Set DRILLBOOK_AUTH_PASSWORD_HASH (README, \"Access\").\n"
                    + "*************************************************************************************************");
        }
    }

    public boolean enabled() {
        return config.auth().passwordHash().filter(h -> !h.isBlank()).isPresent();
    }

    /** Whether this request comes from a signed-in browser (for pages that show more to their owner). */
    public boolean signedIn(io.vertx.core.http.HttpServerRequest request) {
        Cookie cookie = request.getCookie(SESSION_COOKIE);
        return sessions.find(cookie == null ? null : cookie.getValue(), Instant.now()).isPresent();
    }

    public Sessions sessions() {
        return sessions;
    }

    void routes(@Observes Router router) {
        router.route().order(-1000).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!safe && "cross-site".equals(ctx.request().getHeader("Sec-Fetch-Site"))) {
            refuse(ctx, 403, "Requests from other sites may not change anything here.");
            return;
        }
        if (!enabled()) {
            ctx.put(SIGNED_IN, Boolean.TRUE);
            if (!browserCsrfOk(ctx, safe, path)) {
                refuse(ctx, 403, "Missing or wrong CSRF token: reload the page and try again.");
                return;
            }
            ctx.next();
            return;
        }
        boolean isPrivate = AccessPolicy.isPrivate(method, path, config.auth().publicNotes());
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<String> token = config.auth().apiToken().filter(t -> !t.isBlank());
            boolean valid = token.isPresent() && constantTimeEquals(token.get(), authorization.substring(7).strip());
            if (!valid && isPrivate) {
                refuse(ctx, 401, "The API token is not valid.");
                return;
            }
            ctx.put(SIGNED_IN, valid);
            ctx.next();
            return;
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue(), Instant.now());
        ctx.put(SIGNED_IN, session.isPresent());
        if (!isPrivate) {
            ctx.next();
            return;
        }
        if (session.isEmpty()) {
            if (ctx.request().method() == HttpMethod.GET && accepts(ctx, "text/html") && !path.startsWith("/api/")) {
                // a relative Location, never one built from the Host header
                ctx.response().setStatusCode(303)
                        .putHeader("Location", "/login?next=" + URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8)).end();
            } else {
                refuse(ctx, 401, "Sign in at /login, or send Authorization: Bearer <drillbook.auth.api-token>.");
            }
            return;
        }
        if (!safe && !constantTimeEquals(session.get().csrf(), Optional.ofNullable(ctx.request().getHeader(CSRF_HEADER)).orElse(""))) {
            refuse(ctx, 403, "Missing or wrong CSRF token: reload the page and try again.");
            return;
        }
        ctx.next();
    }

    /**
     * Without a password there is no session, so the double-submit token is per browser: a {@code drillbook_csrf}
     * cookie is given to every browser that has none, the pages' scripts echo it in {@code X-CSRF-Token}, and a
     * change sent by a browser (it has an Origin, Sec-Fetch-Site or a cookie) must carry it. A page on another site
     * can neither read the cookie nor set the header. Clients that are not browsers (MCP, curl) send none of those
     * and are not a CSRF risk.
     */
    private boolean browserCsrfOk(RoutingContext ctx, boolean safe, String path) {
        Cookie cookie = ctx.request().getCookie(CSRF_COOKIE);
        String token = cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
        if (token == null) {
            ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, Sessions.token()).setPath("/").setSameSite(CookieSameSite.STRICT)
                    .setSecure(ctx.request().isSSL()));
        }
        if (safe || path.equals("/login") || path.equals("/logout")) {
            return true;
        }
        boolean fromBrowser = ctx.request().getHeader("Origin") != null || ctx.request().getHeader("Sec-Fetch-Site") != null
                || ctx.request().getHeader("Cookie") != null;
        if (!fromBrowser) {
            return true;
        }
        String sent = ctx.request().getHeader(CSRF_HEADER);
        return token != null && sent != null && constantTimeEquals(token, sent);
    }

    /**
     * Whether the current request may see {@code kind} of private data inside a page or JSON that is itself public
     * (mastery on a note page, in the graph JSON): see {@link AccessPolicy#mayRead}.
     */
    public boolean mayRead(AccessPolicy.Private kind) {
        RoutingContext ctx = currentRequest.getCurrent();
        boolean signedIn = ctx != null && Boolean.TRUE.equals(ctx.get(SIGNED_IN));
        return AccessPolicy.mayRead(kind, enabled(), signedIn);
    }

    /** Sets the session and CSRF cookies after a successful sign-in. */
    public void signedIn(io.vertx.core.http.HttpServerResponse response, Sessions.Session s, boolean secure) {
        long seconds = sessions.lifetime().toSeconds();
        response.addCookie(Cookie.cookie(SESSION_COOKIE, s.id()).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure).setMaxAge(seconds));
        response.addCookie(Cookie.cookie(CSRF_COOKIE, s.csrf()).setPath("/").setSameSite(CookieSameSite.STRICT).setSecure(secure)
                .setMaxAge(seconds));
    }

    private static void refuse(RoutingContext ctx, int status, String detail) {
        String title = status == 401 ? "Unauthorized" : "Forbidden";
        if (status == 401) {
            // RFC 9110 requires the challenge; MCP clients (Inspector) read it to know a bearer token is wanted, not OAuth
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"drillbook\"");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

    private static boolean accepts(RoutingContext ctx, String type) {
        String accept = ctx.request().getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
