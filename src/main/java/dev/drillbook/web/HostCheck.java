package dev.drillbook.web;

import dev.drillbook.config.DrillbookConfig;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests addressed to an allowed host ({@code drillbook.security.allowed-hosts}; localhost by
 * default, and the configured {@code quarkus.http.host} when it names one). Without it, a page on another site whose
 * name is re-pointed at 127.0.0.1 (DNS rebinding) would be same-origin with this app and could read the backup or
 * record reviews, since without a password nothing is guarded.
 */
@ApplicationScoped
public class HostCheck {

    @Inject
    DrillbookConfig config;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost")
    String listenHost;

    private volatile Set<String> allowed;

    void routes(@Observes Router router) {
        Set<String> hosts = new HashSet<>();
        config.security().allowedHosts().forEach(h -> hosts.add(h.strip().toLowerCase(Locale.ROOT)));
        String listen = listenHost.strip().toLowerCase(Locale.ROOT);
        if (!listen.equals("0.0.0.0") && !listen.equals("::") && !listen.equals("[::]")) {
            hosts.add(listen.contains(":") && !listen.startsWith("[") ? "[" + listen + "]" : listen);
        }
        allowed = Set.copyOf(hosts);
        router.route().order(-2000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        // HTTP/2 (and a client upgrading to h2c, as Java's HttpClient does) names the host in :authority, not Host
        io.vertx.core.net.HostAndPort authority = ctx.request().authority();
        String host = hostName(authority != null ? authority.host() : ctx.request().getHeader("Host"));
        if (allowed.contains("*") || (host != null && allowed.contains(host))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(421).putHeader("Content-Type", "application/json")
                .end("{\"status\":421,\"title\":\"Misdirected Request\",\"detail\":\"This server does not answer to that host name. "
                        + "To serve it, add it to drillbook.security.allowed-hosts.\"}");
    }

    /** The host name of a Host header, lower-case and without the port ({@code [::1]} keeps its brackets); null if absent. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
