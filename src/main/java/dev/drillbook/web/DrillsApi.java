package dev.drillbook.web;

import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** System-design drills from the questions folder. */
@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drills", description = "System-design drills written in questions/")
public class DrillsApi {

    @Inject
    DrillCatalog drills;

    public record KeyPointJson(String id, String text, boolean required) {
    }

    public record DimensionJson(String id, double weight) {
    }

    public record DrillJson(String id, String title, String level, int timeLimitMinutes, List<String> tags,
            List<DimensionJson> rubric, List<KeyPointJson> keyPoints) {
        static DrillJson of(Drill d) {
            return new DrillJson(d.id(), d.title(), d.level(), d.timeLimitMinutes(), d.tags(),
                    d.rubric().stream().map(r -> new DimensionJson(r.id(), r.weight())).toList(),
                    d.keyPoints().stream().map(k -> new KeyPointJson(k.id(), k.text(), k.required())).toList());
        }
    }

    public record DrillDetailJson(String id, String source, String title, String level, int timeLimitMinutes, List<String> tags,
            List<String> notes, String prompt, List<DimensionJson> rubric, List<KeyPointJson> keyPoints, String referenceOutline,
            List<String> followUps) {
    }

    @GET
    @Operation(summary = "List drills", description = "Every file in questions/ with `type: drill`, sorted by title.")
    public List<DrillJson> list() {
        return drills.drills().stream().map(DrillJson::of).toList();
    }

    @GET
    @Path("{id: .+}")
    @Operation(summary = "One drill, with its prompt, reference outline and follow-ups")
    @APIResponse(responseCode = "404", description = "no such drill")
    public DrillDetailJson drill(@PathParam("id") String id) {
        Drill d = drills.drill(id).orElseThrow(() -> ApiException.notFound("No drill " + id + "."));
        DrillJson j = DrillJson.of(d);
        return new DrillDetailJson(d.id(), d.source(), d.title(), d.level(), d.timeLimitMinutes(), d.tags(), d.notes(), d.prompt(),
                j.rubric(), j.keyPoints(), d.referenceOutline(), d.followUps());
    }
}
