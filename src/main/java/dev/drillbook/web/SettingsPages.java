package dev.drillbook.web;

import dev.drillbook.review.InterviewGoal;
import dev.drillbook.review.ReviewService;
import dev.drillbook.review.Scheduling;
import dev.drillbook.review.SchedulingPolicy;
import dev.drillbook.review.optimizer.FsrsOptimizer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /settings}: what the user changes in the app, one section per feature (each section's form talks to its
 * JSON API, so the page and scripts share one way of saving). Sections so far: Scheduling.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    @Inject
    Scheduling scheduling;

    @Inject
    SchedulingApi api;

    @Inject
    ReviewService reviews;

    @Inject
    VaultGate gate;

    @Inject
    dev.drillbook.config.DrillbookConfig config;

    @Inject
    dev.drillbook.grading.GradingService grading;

    /**
     * Study, questions, data and LLM sections: what is configured (daily limits and folders are configuration, shown
     * here with the setting that changes them).
     */
    record StudySection(int newPerDay, int reviewsPerDay, String questionsDir, boolean questionsExist, boolean bundledDecks,
            String notesDir, String dataDir, boolean judge, String grader, String model) {
    }

    record EasyDay(String key, String label, String level) {
    }

    record PresetRow(String deck, String label, String parametersId, String source, String fit, String weights) {
    }

    /** The Scheduling section. */
    record SchedulingSection(String desiredRetention, String configuredRetention, boolean retentionChanged, boolean loadBalancing,
            boolean fuzz, List<EasyDay> easyDays, String interviewDate, String interviewTopics, String interviewRetention,
            boolean interviewSet, List<PresetRow> presets, List<String> decks, int minimumReviews, String today) {
    }

    /** The page: one record per section. */
    record SettingsPage(SchedulingSection scheduling, StudySection study) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsPage page);
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance settings() {
        gate.awaitForApi();
        return Templates.settings(new SettingsPage(schedulingSection(), studySection()));
    }

    private StudySection studySection() {
        java.nio.file.Path q = config.questionsDir().toAbsolutePath().normalize();
        java.nio.file.Path bundled = java.nio.file.Path.of("questions").toAbsolutePath().normalize();
        return new StudySection(config.srs().newPerDay(), config.srs().reviewsPerDay(), q.toString(), java.nio.file.Files.isDirectory(q),
                q.equals(bundled), config.notesDir().toAbsolutePath().normalize().toString(), config.dataDir().toAbsolutePath().normalize().toString(),
                grading.judgeConfigured(), grading.currentGrader().label(), config.llm().model());
    }

    private SchedulingSection schedulingSection() {
        SchedulingPolicy p = scheduling.policy();
        List<EasyDay> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.add(new EasyDay(d.name().toLowerCase(Locale.ROOT), d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p.easyDays().on(d).key()));
        }
        List<PresetRow> presets = new ArrayList<>();
        for (SchedulingApi.PresetJson j : api.presets(p)) {
            String fit = j.logLoss() == null ? "" : String.format(Locale.ROOT, "log loss %.4f, RMSE(bins) %.4f on %,d reviews", j.logLoss(),
                    j.rmseBins() == null ? Double.NaN : j.rmseBins(), j.reviews() == null ? 0 : j.reviews());
            String source = j.source() == null ? "unknown" : switch (j.source()) {
                case "optimized" -> "optimised";
                case "config" -> "from drillbook.srs.parameters";
                default -> "FSRS-6 defaults";
            };
            presets.add(new PresetRow(j.deck() == null ? "" : j.deck(), j.deck() == null ? "All cards" : "Deck " + j.deck(), j.parametersId(),
                    source, fit, format(j.weights())));
        }
        List<String> decks = reviews.deckNames().stream().sorted().toList();
        InterviewGoal goal = p.interview().orElse(null);
        double configured = scheduling.configured().desiredRetention();
        return new SchedulingSection(two(p.base().desiredRetention()), two(configured), p.base().desiredRetention() != configured,
                p.loadBalancing(), p.base().fuzz(), days, goal == null ? "" : goal.date().toString(),
                goal == null ? "" : String.join(", ", goal.topics()), two(goal == null ? 0.95 : goal.retention()), goal != null,
                presets, decks, FsrsOptimizer.Settings.DEFAULTS.minimumReviews(), reviews.studyDay().dateOf(java.time.Instant.now()).toString());
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String format(double[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", w[i]));
        }
        return sb.toString();
    }
}
