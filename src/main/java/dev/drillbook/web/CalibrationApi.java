package dev.drillbook.web;

import dev.drillbook.grading.CalibrationService;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs calibration and reports it (the page is {@link CalibrationPages}). */
@Path("/api/calibration")
@Tag(name = "Grading")
public class CalibrationApi {

    @Inject
    CalibrationService calibration;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Calibration status and the latest report", description = "running, progress (done/total) and the "
            + "report: Pearson, Spearman, RMSE, quadratic-weighted kappa, exact and ±1 agreement, length bias, probes.")
    public CalibrationService.Status status() {
        return calibration.status();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run calibration", description = "Grades the in-house answers (and the Mohler set when "
            + "drillbook.calibration.mohler-file is set) with the current grader, in the background. 202; poll GET /api/calibration.")
    @APIResponse(responseCode = "409", description = "a run is already going")
    public Response start() {
        if (!calibration.start()) {
            throw ApiException.conflict("Calibration is already running.");
        }
        return Response.accepted(calibration.status()).build();
    }
}
