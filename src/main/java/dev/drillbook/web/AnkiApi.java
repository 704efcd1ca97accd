package dev.drillbook.web;

import dev.drillbook.anki.AnkiConfig;
import dev.drillbook.anki.AnkiImporter;
import dev.drillbook.anki.AnkiService;
import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.review.CardFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;

/** Anki interop: export for Anki's text importer, import Anki's notes text, replay review history. */
@Path("/api/anki")
@Tag(name = "Anki", description = "Move cards and review history between Anki and Drillbook")
public class AnkiApi {

    @Inject
    AnkiService anki;

    @Inject
    AnkiImporter importer;

    @Inject
    dev.drillbook.anki.AnkiExporter exporter;

    @Inject
    AnkiConfig ankiConfig;

    @Inject
    DrillbookConfig config;

    @Inject
    VaultGate gate;

    @GET
    @Path("export")
    @Produces("text/plain; charset=UTF-8")
    @Operation(summary = "Export cards for Anki", description = "A \"Notes in Plain Text\" file for Anki's File → Import: Basic notes "
            + "with HTML fields (math as \\(…\\) for MathJax), a deck column (Drillbook::<deck>) and a tags column. Optional deck, tag "
            + "or folder filter.")
    public Response export(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        gate.awaitForApi();
        String name = deck != null ? deck : tag != null ? tag : folder != null ? folder : "all";
        return Response.ok(anki.export(CardFilter.of(deck, tag, folder, null), Instant.now()))
                .header("Content-Disposition", "attachment; filename=\"drillbook-" + name.replaceAll("[^A-Za-z0-9_-]", "-") + ".txt\"").build();
    }

    @GET
    @Path("export.apkg")
    @Produces("application/apkg")
    @Operation(summary = "Export cards as an Anki package", description = "An .apkg for Anki's File → Import: Basic, Basic (and "
            + "reversed card) and Cloze notes (one per block of deletions), a::b tags, the images the cards show, each card's "
            + "schedule (FSRS stability and difficulty) and review log. Links into Drillbook become plain text (absolute links when "
            + "drillbook.anki.site-url is set). Optional deck, tag or folder filter.")
    public Response exportPackage(@QueryParam("deck") String deck, @QueryParam("tag") String tag, @QueryParam("folder") String folder) {
        gate.awaitForApi();
        String name = deck != null ? deck : tag != null ? tag : folder != null ? folder : "all";
        Instant now = Instant.now();
        jakarta.ws.rs.core.StreamingOutput body = out -> exporter.export(CardFilter.of(deck, tag, folder, null), now, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"drillbook-"
                + name.replaceAll("[^A-Za-z0-9_-]", "-") + ".apkg\"").build();
    }

    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, "text/tab-separated-values"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Anki notes", description = "The body is Anki's \"Notes in Plain Text\" export, header lines read as "
            + "Anki does (#separator, #html, #tags, #deck, #notetype, #deck column, #notetype column, #guid column, #tags column). "
            + "Writes or updates one card file per deck under questions/anki/ (notes matched by guid, else by note type and first "
            + "field); the cards appear like any others. `name` is the deck for notes without a deck column or #deck header.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "the import report: files, notes, cards, notImported")
    @APIResponse(responseCode = "400", description = "no notes in the body")
    public Response importNotes(@QueryParam("name") String name, String body) {
        try {
            return Response.status(201).entity(importer.importText(body == null ? "" : body, name, Instant.now())).build();
        } catch (AnkiService.BadImport e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/apkg", "application/zip"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an Anki package", description = "The body is an .apkg (Anki 2.1: collection.anki2, collection.anki21 "
            + "or the zstd collection.anki21b of current Anki). One card file per Anki deck is written (or updated: notes are "
            + "matched by guid) under questions/anki/, media under questions/anki/attachments/; the review log is replayed and "
            + "Anki's FSRS memory state taken over. The report lists everything that was not brought across.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "the import report")
    @APIResponse(responseCode = "400", description = "not an Anki package, or an unreadable collection")
    @APIResponse(responseCode = "413", description = "larger than drillbook.anki.max-package-size")
    public Response importPackage(InputStream body) {
        gate.awaitForApi();
        java.nio.file.Path tmp = null;
        try {
            tmp = Files.createTempFile("drillbook-upload-", ".apkg");
            long max = ankiConfig.maxPackageSize().asLongValue();
            try (InputStream in = body; var out = Files.newOutputStream(tmp)) {
                if (in.transferTo(new java.io.OutputStream() {
                    long n;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        n += len;
                        if (n > max) {
                            throw tooLarge(max);
                        }
                        out.write(b, off, len);
                    }
                }) == 0) {
                    throw ApiException.badRequest("The body is empty: send the .apkg file's bytes.");
                }
            }
            return importFile(tmp);
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the upload: " + e.getMessage());
        } finally {
            deleteQuietly(tmp);
        }
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import an Anki file (form upload)", description = "Field `file`: an .apkg package, or a \"Notes in Plain "
            + "Text\" .txt export (decided by the file name). As the other import variants.")
    @APIResponse(responseCode = "201", description = "the import report")
    @APIResponse(responseCode = "400", description = "no file, or a file that cannot be imported")
    @APIResponse(responseCode = "413", description = "larger than drillbook.anki.max-package-size")
    public Response importUpload(@RestForm("file") FileUpload file, @RestForm("name") String name) {
        gate.awaitForApi();
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("Choose a file: an .apkg package or a .txt notes export.");
        }
        long max = ankiConfig.maxPackageSize().asLongValue();
        if (file.size() > max) {
            throw tooLarge(max);
        }
        String fileName = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        try {
            if (fileName.endsWith(".txt") || fileName.endsWith(".csv") || fileName.endsWith(".tsv")) {
                String text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
                return importNotes(name, text);
            }
            return importFile(file.uploadedFile());
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the upload: " + e.getMessage());
        }
    }

    private Response importFile(java.nio.file.Path file) {
        try {
            return Response.status(201).entity(importer.importPackage(file, Instant.now())).build();
        } catch (AnkiService.BadImport e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "Payload too large", "The package is larger than " + max / (1024 * 1024)
                + " MB (drillbook.anki.max-package-size). Export fewer decks, or without media, or raise the limit.");
    }

    private static void deleteQuietly(java.nio.file.Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file: the OS clears it eventually
            }
        }
    }

    private static final java.util.Map<String, String> MEDIA_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry("png", "image/png"), java.util.Map.entry("jpg", "image/jpeg"), java.util.Map.entry("jpeg", "image/jpeg"),
            java.util.Map.entry("gif", "image/gif"), java.util.Map.entry("webp", "image/webp"), java.util.Map.entry("avif", "image/avif"),
            java.util.Map.entry("mp3", "audio/mpeg"), java.util.Map.entry("ogg", "audio/ogg"), java.util.Map.entry("wav", "audio/wav"),
            java.util.Map.entry("m4a", "audio/mp4"), java.util.Map.entry("mp4", "video/mp4"), java.util.Map.entry("webm", "video/webm"));

    @GET
    @Path("media/{name}")
    @Operation(summary = "A media file imported from Anki", description = "Images and sounds of imported notes, from questions/anki/attachments/.")
    public Response media(@PathParam("name") String name) throws IOException {
        java.nio.file.Path dir = config.questionsDir().toAbsolutePath().normalize().resolve("anki").resolve("attachments");
        java.nio.file.Path file;
        try {
            file = dir.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new NotFoundException(); // a NUL or another character no file name has (found by ApiFuzzTest)
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || !file.getParent().equals(dir) || !Files.isRegularFile(file)
                || !file.toRealPath().startsWith(dir.toRealPath())) { // a symlink out of the folder is not a media file
            throw new NotFoundException();
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        // images, sound and video only; anything else (SVG, HTML) is served as a download
        String type = MEDIA_TYPES.getOrDefault(extension, MediaType.APPLICATION_OCTET_STREAM);
        return Response.ok(Files.newInputStream(file)).type(type)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Cache-Control", "private, max-age=60").build();
    }

    @POST
    @Path("history")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay review history", description = "CSV with a header: card (a card id or the card's exact front) or "
            + "card_id; reviewed_at or review_time (ISO-8601 or epoch milliseconds); rating, review_rating or ease (1–4 or "
            + "again/hard/good/easy). Answers are replayed in time order through the scheduler; rows that fail are listed.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "400", description = "no header or no rows")
    public AnkiService.Replayed history(String body) {
        gate.awaitForApi();
        try {
            return anki.replay(body == null ? "" : body, Instant.now());
        } catch (AnkiService.BadImport e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
