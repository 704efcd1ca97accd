package dev.drillbook.web;

import dev.drillbook.vault.Vault;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

/** Serves vault attachments (images, PDFs, audio), and nothing outside the vault or in dot-folders. */
@Path("/files")
public class FilesResource {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("bmp", "image/bmp"), Map.entry("pdf", "application/pdf"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"), Map.entry("ogg", "audio/ogg"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("json", "application/json"));

    @Inject
    Vault vault;

    @Inject
    VaultGate gate;

    @GET
    @Path("{path: .+}")
    @Operation(summary = "An attachment from the vault", description = "Images, PDFs, audio and video linked or embedded by notes.")
    public Response file(@PathParam("path") String path) throws IOException {
        gate.awaitForApi();
        java.nio.file.Path file = vault.attachment(path).orElseThrow(NotFoundException::new);
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        // SVG can carry scripts; serve it as a download-safe type with a restrictive policy.
        String type = "svg".equals(extension) ? "image/svg+xml" : TYPES.getOrDefault(extension, "application/octet-stream");
        return Response.ok(Files.newInputStream(file)).type(type)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Cache-Control", "private, max-age=60")
                .build();
    }
}
