package dev.drillbook.web;

import dev.drillbook.grading.GradingService;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.common.annotation.Blocking;

/** "Test the LLM connection" on the Settings page: one small call to the configured judge endpoint. */
@Path("/api/settings/llm-check")
public class LlmCheckApi {

    @Inject
    GradingService grading;

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sends one tiny request to the LLM judge endpoint and returns its answer or error, the model and the time taken")
    public GradingService.ConnectionCheck check() {
        return grading.checkConnection();
    }
}
