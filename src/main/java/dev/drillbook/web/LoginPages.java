package dev.drillbook.web;

import dev.drillbook.auth.LoginThrottle;
import dev.drillbook.auth.PasswordCheck;
import dev.drillbook.auth.Sessions;
import dev.drillbook.config.DrillbookConfig;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Signing in and out (only when drillbook.auth.password-hash is set). */
@Path("/")
@Singleton
public class LoginPages {

    static final String LOGIN_CSRF_COOKIE = "drillbook_login_csrf";

    @Inject
    DrillbookConfig config;

    @Inject
    AccessGuard guard;

    private volatile LoginThrottle throttle;

    record LoginPage(String csrf, String next, String message, boolean enabled) {
    }

    record LogoutPage(String csrf) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginPage page);

        static native TemplateInstance logout(LogoutPage page);
    }

    void start(@Observes StartupEvent event) {
        throttle = new LoginThrottle(config.auth().loginAttempts(), config.auth().loginWindow());
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response loginPage(@QueryParam("next") String next, @Context HttpServerRequest request) {
        String csrf = Sessions.token();
        return Response.ok(Templates.login(new LoginPage(csrf, safeNext(next), null, guard.enabled())))
                .cookie(loginCookie(csrf, request)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response login(@FormParam("password") String password, @FormParam("_csrf") String csrf, @FormParam("next") String next,
            @CookieParam(LOGIN_CSRF_COOKIE) String expected, @CookieParam(AccessGuard.SESSION_COOKIE) String previous,
            @Context HttpServerRequest request) {
        if (!guard.enabled()) {
            return redirect("/").build();
        }
        String fresh = Sessions.token();
        if (csrf == null || expected == null || !AccessGuard.constantTimeEquals(expected, csrf)) {
            return page(403, fresh, next, "The form expired. Try again.", request);
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Instant now = Instant.now();
        Duration wait = throttle.attempt(client, now); // counted before the password check
        if (!wait.isZero()) {
            return Response.status(429).header("Retry-After", Math.max(1, wait.toSeconds()))
                    .entity(Templates.login(new LoginPage(fresh, safeNext(next), "Too many failed attempts. Try again in "
                            + Math.max(1, (wait.toSeconds() + 59) / 60) + " min.", true)))
                    .cookie(loginCookie(fresh, request)).build();
        }
        if (!PasswordCheck.matches(config.auth().passwordHash().orElse(""), password)) {
            return page(401, fresh, next, "Sign-in failed.", request);
        }
        throttle.succeeded(client);
        // a new session id on every sign-in, and the one the browser had before ends (no session fixation)
        guard.sessions().end(previous);
        Sessions.Session s = guard.sessions().create(now);
        guard.signedIn(request.response(), s, "https".equals(request.scheme()));
        return redirect(safeNext(next)).build();
    }

    @GET
    @Path("logout")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance logoutPage(@CookieParam(AccessGuard.SESSION_COOKIE) String session) {
        return Templates.logout(new LogoutPage(guard.sessions() == null ? "" : guard.sessions().find(session, Instant.now())
                .map(Sessions.Session::csrf).orElse("")));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("_csrf") String csrf, @CookieParam(AccessGuard.SESSION_COOKIE) String session) {
        var s = guard.sessions().find(session, Instant.now());
        if (s.isPresent() && csrf != null && AccessGuard.constantTimeEquals(s.get().csrf(), csrf)) {
            guard.sessions().end(session);
        } else if (s.isPresent()) {
            return Response.status(403).entity("Missing or wrong form token.").build();
        }
        return redirect("/")
                .cookie(new NewCookie.Builder(AccessGuard.SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build(),
                        new NewCookie.Builder(AccessGuard.CSRF_COOKIE).value("").path("/").maxAge(0).build()).build();
    }

    private Response page(int status, String csrf, String next, String message, HttpServerRequest request) {
        return Response.status(status).entity(Templates.login(new LoginPage(csrf, safeNext(next), message, true)))
                .cookie(loginCookie(csrf, request)).build();
    }

    private static NewCookie loginCookie(String csrf, HttpServerRequest request) {
        return new NewCookie.Builder(LOGIN_CSRF_COOKIE).value(csrf).path("/login").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure("https".equals(request.scheme())).maxAge(3600).build();
    }

    /** A 303 to a path on this site with a relative Location: never built from the request's Host header. */
    private static Response.ResponseBuilder redirect(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }

    /**
     * Only a path on this site: never a redirect elsewhere, and nothing a Location header cannot hold (whitespace and
     * control characters, which made a 500 after a correct password).
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length() > 2000) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= ' ' || c == 0x7f || c > 0x7e) {
                return "/";
            }
        }
        try {
            URI.create(next);
            return next;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
