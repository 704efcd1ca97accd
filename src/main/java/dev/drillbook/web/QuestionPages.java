package dev.drillbook.web;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.VaultPaths;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of the questions folder as read-only source with line numbers, so problems and cards can point at the
 * exact line. Only Markdown files inside the folder are served.
 */
@Path("/questions")
@Produces(MediaType.TEXT_HTML)
public class QuestionPages {

    @Inject
    DrillbookConfig config;

    record Line(int number, String text) {
    }

    record SourcePage(String path, List<Line> lines) {
    }

    record FileRow(String path, String url) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance source(SourcePage page);

        static native TemplateInstance index(List<FileRow> files);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance index() throws IOException {
        java.nio.file.Path root = root();
        List<FileRow> files = new ArrayList<>();
        for (java.nio.file.Path f : VaultPaths.markdownFiles(root)) {
            String rel = VaultPaths.relative(root, f);
            files.add(new FileRow(rel, "/questions/" + SiteUrls.encodePath(rel)));
        }
        return Templates.index(files);
    }

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public TemplateInstance source(@PathParam("path") String path) {
        java.nio.file.Path root = root();
        String clean = VaultPaths.normalize(path).filter(SiteUrls::isMarkdown).orElseThrow(NotFoundException::new);
        java.nio.file.Path file = root.resolve(clean).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file) || VaultPaths.hidden(root.relativize(file))
                    || !file.toRealPath().startsWith(root.toRealPath())) {
                throw new NotFoundException();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            String[] split = text.replace("\r\n", "\n").split("\n", -1);
            for (int i = 0; i < split.length; i++) {
                lines.add(new Line(i + 1, split[i]));
            }
            return Templates.source(new SourcePage("questions/" + clean, lines));
        } catch (IOException e) {
            throw new NotFoundException();
        }
    }

    private java.nio.file.Path root() {
        return config.questionsDir().toAbsolutePath().normalize();
    }
}
