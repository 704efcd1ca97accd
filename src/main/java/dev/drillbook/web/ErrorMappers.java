package dev.drillbook.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns exceptions into responses a person can read: JSON {@link ErrorBody} under {@code /api}, an HTML error page
 * elsewhere. Unexpected exceptions are logged with their stack trace and answered with a generic 500 body.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        return respond(request, e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (e.getCause() instanceof IllegalArgumentException bad) {
            // a query or path parameter that is not a number (or out of its range): the JAX-RS default is a 404
            return respond(request, 400, "Bad request", "A parameter is not valid: " + bad.getMessage() + ".");
        }
        return respond(request, 404, "Not found", "Nothing lives at " + request.path() + ".");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(request, 400, "Bad request", "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException bad) {
            return json(bad, request); // the body did not parse (or broke JsonLimits): say so, not just "Bad Request"
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed: " + request.path(), e);
            return respond(request, status, "Server error", "Something went wrong on our side; it has been logged.");
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title + "." : e.getMessage();
        return respond(request, status, title, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        LOG.error("Unexpected error on " + request.method() + " " + request.path(), e);
        return respond(request, 500, "Server error", "Something went wrong on our side; it has been logged.");
    }

    static Response respond(HttpServerRequest request, int status, String title, String detail) {
        boolean api = request.path().startsWith("/api/") || request.path().startsWith("/mcp")
                || acceptsJsonOnly(request.getHeader("Accept"));
        if (api) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, title, detail)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail).render()).build();
    }

    private static boolean acceptsJsonOnly(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
