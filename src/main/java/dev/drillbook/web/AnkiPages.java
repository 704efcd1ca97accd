package dev.drillbook.web;

import dev.drillbook.review.ReviewService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The Anki page: import a package or notes file with a file picker, export decks as .apkg or text. */
@Path("/anki")
@Produces(MediaType.TEXT_HTML)
public class AnkiPages {

    @Inject
    ReviewService reviews;

    @Inject
    VaultGate gate;

    record AnkiPage(List<String> decks, long maxPackageMb) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance anki(AnkiPage page);
    }

    @Inject
    dev.drillbook.anki.AnkiConfig config;

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        gate.awaitForApi();
        return Templates.anki(new AnkiPage(reviews.deckNames(), config.maxPackageSize().asLongValue() / (1024 * 1024)));
    }
}
