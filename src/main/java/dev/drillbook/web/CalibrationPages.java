package dev.drillbook.web;

import dev.drillbook.grading.Agreement;
import dev.drillbook.grading.CalibrationReport;
import dev.drillbook.grading.CalibrationService;
import dev.drillbook.grading.GradingService;
import dev.drillbook.grading.OfflineEstimator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** How far the grader can be trusted: agreement with human grades, run on demand and shown next to the human bar. */
@Path("/")
public class CalibrationPages {

    @Inject
    CalibrationService calibration;

    @Inject
    GradingService grading;

    /** One metric: in-house; Mohler against one human grader; the two human graders on the same answers; against their average. */
    record MetricRow(String name, String inHouse, String mohler, String humans, String average, String help) {
    }

    record CalibrationPage(String grader, boolean judge, CalibrationService.Status status, List<MetricRow> metrics, String scatter,
            String conceptPearson, boolean mohlerConfigured) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calibration(CalibrationPage page);
    }

    @GET
    @Path("calibration")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page() {
        CalibrationService.Status s = calibration.status();
        CalibrationReport r = s.report();
        List<MetricRow> rows = r == null ? List.of() : metrics(r.inHouse(), r.mohler());
        // an LLM judge cannot be measured on the in-house answers it was shown as examples; offline there are none
        return Templates.calibration(new CalibrationPage(grading.currentGrader().label(), grading.judgeConfigured(), s, rows,
                r == null ? "" : scatter(r), String.format(Locale.ROOT, "%.2f", OfflineEstimator.CONCEPT_PEARSON),
                calibration.mohlerConfigured()));
    }

    static List<MetricRow> metrics(Agreement a, CalibrationReport.MohlerAgreement mohler) {
        Agreement m = mohler == null ? null : mohler.vsGrader1();
        Agreement h = mohler == null ? null : mohler.humanHuman();
        Agreement avg = mohler == null ? null : mohler.vsAverage();
        return List.of(
                new MetricRow("Answers compared", count(a), count(m), count(h), count(avg), ""),
                row("Pearson r", a, m, h, avg, Agreement::pearson, "%.2f", "linear agreement"),
                row("Spearman ρ", a, m, h, avg, Agreement::spearman, "%.2f", "agreement on the order of answers"),
                row("RMSE (0–5 points)", a, m, h, avg, Agreement::rmse, "%.2f", "typical size of a disagreement; always guessing the mean gives 1.11 on Mohler"),
                row("Quadratic-weighted κ", a, m, h, avg, Agreement::qwk, "%.2f", "agreement beyond chance on whole points"),
                row("Exact agreement", a, m, h, avg, Agreement::exact, "%.0f %%", "same whole point"),
                row("Within one point", a, m, h, avg, Agreement::withinOne, "%.0f %%", ""),
                row("Length bias", a, m, h, avg, Agreement::lengthBias, "%+.2f", "positive: rewards length more than people do"));
    }

    private static String count(Agreement x) {
        return x == null ? "–" : String.valueOf(x.n());
    }

    private static MetricRow row(String name, Agreement a, Agreement m, Agreement h, Agreement avg, ToDoubleFunction<Agreement> f, String fmt,
            String help) {
        boolean percent = fmt.contains("%%");
        Function<Agreement, String> show = x -> x == null ? "–"
                : String.format(Locale.ROOT, fmt, f.applyAsDouble(x) * (percent ? 100 : 1));
        return new MetricRow(name, show.apply(a), show.apply(m), show.apply(h), show.apply(avg), help);
    }

    /** Human score (x) against the grader's (y) for each in-house answer, as inline SVG; numbers and fixed labels only. */
    static String scatter(CalibrationReport r) {
        StringBuilder b = new StringBuilder("<svg class=\"scatter\" width=\"340\" height=\"320\" viewBox=\"0 0 340 320\" role=\"img\" aria-label=\"Human score against grader score\">");
        b.append("<line x1=\"40\" y1=\"280\" x2=\"320\" y2=\"280\" class=\"axis\"/><line x1=\"40\" y1=\"0\" x2=\"40\" y2=\"280\" class=\"axis\"/>");
        b.append("<line x1=\"40\" y1=\"280\" x2=\"320\" y2=\"0\" class=\"diagonal\"/>");
        for (int v = 0; v <= 100; v += 25) {
            double x = 40 + v * 2.8;
            double y = 280 - v * 2.8;
            b.append("<text x=\"").append(x - 6).append("\" y=\"296\" class=\"axis-label\">").append(v).append("</text>");
            b.append("<text x=\"12\" y=\"").append(y + 4).append("\" class=\"axis-label\">").append(v).append("</text>");
        }
        b.append("<text x=\"150\" y=\"316\" class=\"axis-label\">people</text>");
        b.append("<text x=\"0\" y=\"-4\" class=\"axis-label\" transform=\"rotate(90) translate(120 -4)\">grader</text>");
        for (CalibrationReport.Item i : r.items()) {
            if (i.human() == null || i.machine() == null) {
                continue;
            }
            double x = 40 + i.human() * 2.8;
            double y = 280 - i.machine() * 2.8;
            b.append("<circle cx=\"").append(Math.round(x)).append("\" cy=\"").append(Math.round(y)).append("\" r=\"5\" class=\"dot kind-")
                    .append(i.kind().replaceAll("[^a-z_]", "")).append("\"><title>").append(i.kind().replaceAll("[^a-z_]", ""))
                    .append(": people ").append(i.human()).append(", grader ").append(i.machine()).append("</title></circle>");
        }
        return b.append("</svg>").toString();
    }
}
