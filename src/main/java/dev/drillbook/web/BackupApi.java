package dev.drillbook.web;

import dev.drillbook.backup.BackupService;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;

/** Backup and restore of everything Drillbook learned about the user (notes are files already). */
@Path("/api/backup")
@Tag(name = "Backup", description = "All user state as one JSON document")
public class BackupApi {

    @Inject
    BackupService backups;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export everything", description = "Card schedules, the review log, drill attempts and drafts, interview "
            + "sessions; `{format: \"drillbook-backup\", version: 1, exportedAt, cards, reviewLog, attempts, drafts, sessions}`.")
    public Response export() {
        return Response.ok(backups.export(Instant.now()))
                .header("Content-Disposition", "attachment; filename=\"drillbook-backup-" + LocalDate.now() + ".json\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a backup", description = "Cards are matched by id or by file and content, and take the backup's "
            + "schedule; log rows, attempts and sessions already present are skipped, so restoring twice duplicates nothing.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "not a Drillbook backup, or unreadable")
    public BackupService.Summary restore(JsonNode document) {
        try {
            return backups.restore(document);
        } catch (BackupService.InvalidBackup e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
