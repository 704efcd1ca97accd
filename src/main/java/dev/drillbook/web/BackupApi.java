package dev.drillbook.web;

import dev.drillbook.backup.BackupService;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Backup and restore of everything Drillbook learned about the user (notes are files already). */
@Path("/api/backup")
@Tag(name = "Backup", description = "All user state as one JSON document")
public class BackupApi {

    @Inject
    BackupService backups;

    /** A refused backup: the app's usual error body, plus every value that is wrong. */
    public record RefusedBackup(int status, String title, String detail, List<String> errors) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export everything", description = "Card schedules, the review log, drill attempts and drafts, interview "
            + "sessions; `{format: \"drillbook-backup\", version: 1, exportedAt, cards, reviewLog, attempts, drafts, sessions}`.")
    public Response export() {
        return Response.ok(backups.export(Instant.now()))
                .header("Content-Disposition", "attachment; filename=\"drillbook-backup-" + LocalDate.now() + ".json\"").build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore a backup (merge)", description = "Merges, never replaces: cards are matched by id or by file and "
            + "content; the review log becomes the union of both; each card keeps the schedule of whichever side answered it last. "
            + "Cards whose file is not in the vault keep their history but stay out of review until the file returns. "
            + "`?dryRun=true` (or `POST /api/backup/preview`) reports the same summary and changes nothing.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "not a Drillbook backup, cut off, from a newer version, or with bad values "
            + "(`errors` lists each); nothing is restored")
    public Response restore(InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        try {
            return Response.ok(backups.restore(backups.read(body), dryRun, Instant.now())).build();
        } catch (BackupService.InvalidBackup e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new RefusedBackup(400, "Bad request", e.getMessage(), e.errors())).build();
        }
    }

    @POST
    @Path("/preview")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a restore", description = "What restoring this backup would change (cards updated, reviews added, "
            + "cards hidden for missing files, …) with `applied: false`; nothing is written.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "as for the restore")
    public Response preview(InputStream body) {
        return restore(body, true);
    }
}
