package dev.drillbook.web;

import dev.drillbook.grading.CalibrationReport;
import dev.drillbook.grading.CalibrationService;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.ExecutionException;

/**
 * Runs calibration and reports it (the page is {@link CalibrationPages}). With {@code Accept: text/plain} the report is a
 * table for a terminal — {@code drillbook calibrate} is
 * {@code curl -sX POST 'http://localhost:8080/api/calibration?wait=true' -H 'Accept: text/plain'}.
 */
@Path("/api/calibration")
@Tag(name = "Grading")
public class CalibrationApi {

    @Inject
    CalibrationService calibration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Calibration status and the latest report", description = "running, progress (done/total) and the "
            + "report: agreement with one human grader, human vs human on the same answers and against the graders' average (Mohler), "
            + "in-house agreement, probes (failed judge calls count as failures), gaming probes and failedCalls.")
    public CalibrationService.Status status() {
        return calibration.status();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest calibration report as a plain-text table")
    @APIResponse(responseCode = "404", description = "no run yet")
    public String text() {
        CalibrationReport r = calibration.status().report();
        if (r == null) {
            throw ApiException.notFound("No calibration run yet: POST /api/calibration?wait=true.");
        }
        return r.text();
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Blocking
    @Operation(summary = "Run calibration", description = "Grades the in-house answers, the gaming probes (and the Mohler set when "
            + "drillbook.calibration.mohler-file is set) with the current grader, in the background: 202, poll GET /api/calibration. "
            + "With wait=true the call returns when the run is done, with the report (as a table with Accept: text/plain).")
    @APIResponse(responseCode = "409", description = "a run is already going")
    public Response start(@QueryParam("wait") boolean wait, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        if (!calibration.start()) {
            throw ApiException.conflict("Calibration is already running.");
        }
        if (!wait) {
            return Response.accepted(calibration.status()).build();
        }
        CalibrationReport r;
        try {
            r = calibration.current().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Unavailable", "Interrupted while calibrating.");
        } catch (ExecutionException e) {
            throw new ApiException(500, "Calibration failed", "Calibration failed: " + e.getCause().getMessage());
        }
        boolean text = accept != null && accept.contains("text/plain") && !accept.contains("application/json");
        return text ? Response.ok(r.text(), MediaType.TEXT_PLAIN).build() : Response.ok(calibration.status(), MediaType.APPLICATION_JSON).build();
    }
}
