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
        if (!enabled()) {
            ctx.next();
            return;
        }
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        if (!AccessPolicy.isPrivate(method, path, config.auth().publicNotes())) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<String> token = config.auth().apiToken().filter(t -> !t.isBlank());
            if (token.isPresent() && constantTimeEquals(token.get(), authorization.substring(7).strip())) {
                ctx.next();
            } else {
                refuse(ctx, 401, "The API token is not valid.");
            }
            return;
        }
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue(), Instant.now());
        if (session.isEmpty()) {
            if (ctx.request().method() == HttpMethod.GET && accepts(ctx, "text/html") && !path.startsWith("/api/")) {
                ctx.response().setStatusCode(303)
                        .putHeader("Location", "/login?next=" + URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8)).end();
            } else {
                refuse(ctx, 401, "Sign in at /login, or send Authorization: Bearer <drillbook.auth.api-token>.");
            }
            return;
        }
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (!safe && !constantTimeEquals(session.get().csrf(), Optional.ofNullable(ctx.request().getHeader(CSRF_HEADER)).orElse(""))) {
            refuse(ctx, 403, "Missing or wrong CSRF token: reload the page and try again.");
            return;
        }
        ctx.next();
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
