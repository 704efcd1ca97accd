package dev.drillbook.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A POST to {@code /mcp} must be one JSON-RPC message, a JSON object: the MCP extension answered a body of {@code []}
 * (or a number, or a string) with a 500 and a stack trace. Anything else gets a JSON-RPC "Invalid Request" with a
 * 400 here, before the extension sees it.
 */
@ApplicationScoped
public class McpRequestCheck {

    void routes(@Observes Router router) {
        // Vert.x skips a body handler that has already run for the request, so the extension's own is not doubled
        router.post("/mcp").order(-500).handler(BodyHandler.create());
        router.post("/mcp").order(-499).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String body = ctx.body() == null ? null : ctx.body().asString();
        String trimmed = body == null ? "" : body.strip();
        boolean object = trimmed.startsWith("{") && trimmed.endsWith("}");
        if (object) {
            try {
                ctx.body().asJsonObject();
                ctx.next();
                return;
            } catch (RuntimeException e) {
                // not valid JSON: refused below
            }
        }
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                        + "\"Invalid Request: the body must be one JSON-RPC message, a JSON object.\"}}");
    }
}
