package dev.drillbook.review;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.settings.Setting;
import dev.drillbook.settings.Settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduling settings: the configured {@code drillbook.srs.*} values, overridden by what the user chose on the
 * Settings page (stored in {@link Settings}), turned into a {@link SchedulingPolicy} that is rebuilt only when a
 * setting changes.
 */
@ApplicationScoped
public class Scheduling {

    public static final Setting<Double> DESIRED_RETENTION = Setting.decimal("srs.desired-retention", 0.7, 0.99);
    public static final Setting<Boolean> LOAD_BALANCING = Setting.flag("srs.load-balancing");
    public static final Setting<EasyDays> EASY_DAYS = new Setting<>("srs.easy-days", EasyDays::parse, EasyDays::format);
    /** Accepted weight sets: one line per scope, {@code <deck>=<parameters id>}, the global one with an empty deck. */
    public static final Setting<Map<String, String>> PRESETS = new Setting<>("srs.presets", Scheduling::parsePresets,
            Scheduling::formatPresets);
    public static final Setting<LocalDate> INTERVIEW_DATE = Setting.date("srs.interview.date");
    public static final Setting<List<String>> INTERVIEW_TOPICS = new Setting<>("srs.interview.topics", InterviewGoal::parseTopics,
            topics -> String.join(", ", topics));
    public static final Setting<Double> INTERVIEW_RETENTION = Setting.decimal("srs.interview.retention", 0.7, 0.99);

    @Inject
    DrillbookConfig config;

    @Inject
    Settings settings;

    @Inject
    ParameterSets parameterSets;

    private record Cached(long version, SchedulingPolicy policy) {
    }

    private volatile Cached cached;
    private volatile FsrsParameters configured;
    private volatile StudyDay studyDay;

    /** The configuration's scheduler settings (validated on first use; a bad value stops the start with its name). */
    public FsrsParameters configured() {
        FsrsParameters p = configured;
        if (p == null) {
            DrillbookConfig.SrsSettings srs = config.srs();
            try {
                p = new FsrsParameters(srs.parameters().map(FsrsParameters::parseWeights).orElse(FsrsParameters.DEFAULT_WEIGHTS),
                        srs.desiredRetention(), FsrsParameters.parseSteps(srs.learningSteps()),
                        FsrsParameters.parseSteps(srs.relearningSteps()), srs.maximumInterval(), srs.fuzz());
                srs.easyDays().filter(t -> !t.isBlank()).ifPresent(EasyDays::parse);
                if (!(srs.interviewRetention() > 0 && srs.interviewRetention() < 1)) {
                    throw new IllegalArgumentException("interview-retention must be between 0 and 1");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Invalid drillbook.srs settings: " + e.getMessage(), e);
            }
            configured = p;
        }
        return p;
    }

    /** {@code drillbook.srs.interview-retention}: the interview retention when none was chosen. */
    public double configuredInterviewRetention() {
        return config.srs().interviewRetention();
    }

    public StudyDay studyDay() {
        StudyDay d = studyDay;
        if (d == null) {
            DrillbookConfig.SrsSettings srs = config.srs();
            try {
                d = new StudyDay(srs.timeZone().filter(z -> !z.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault()), srs.dayStartsAt());
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                throw new IllegalStateException("Invalid drillbook.srs settings: " + e.getMessage(), e);
            }
            studyDay = d;
        }
        return d;
    }

    /** The policy for the current settings. */
    public SchedulingPolicy policy() {
        long version = settings.version();
        Cached c = cached;
        if (c == null || c.version() != version) {
            c = new Cached(version, build());
            cached = c;
        }
        return c.policy();
    }

    private SchedulingPolicy build() {
        FsrsParameters base = configured();
        DrillbookConfig.SrsSettings srs = config.srs();
        double retention = settings.get(DESIRED_RETENTION, base.desiredRetention());
        base = base.withDesiredRetention(retention);
        String configSource = srs.parameters().isPresent() ? ParameterSetEntity.CONFIG : ParameterSetEntity.DEFAULT;
        SchedulingPolicy.Preset configuredPreset = new SchedulingPolicy.Preset(
                parameterSets.ensure(base.w(), configSource, null, null, null, Instant.now()), base.w());
        SchedulingPolicy.Preset global = configuredPreset;
        Map<String, SchedulingPolicy.Preset> decks = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.get(PRESETS, Map.of()).entrySet()) {
            Optional<double[]> w = parameterSets.weights(e.getValue());
            if (w.isEmpty()) {
                continue; // a preset whose weights are gone (e.g. the table was not restored): the configured weights
            }
            SchedulingPolicy.Preset preset = new SchedulingPolicy.Preset(e.getValue(), w.get());
            if (e.getKey().isEmpty()) {
                global = preset;
            } else {
                decks.put(e.getKey(), preset);
            }
        }
        base = base.withWeights(global.weights());
        EasyDays easy = settings.get(EASY_DAYS).orElseGet(() -> srs.easyDays().filter(t -> !t.isBlank()).map(EasyDays::parse)
                .orElse(EasyDays.NONE));
        Optional<InterviewGoal> interview = settings.get(INTERVIEW_DATE).map(date -> new InterviewGoal(date,
                settings.get(INTERVIEW_TOPICS, List.of()), settings.get(INTERVIEW_RETENTION, srs.interviewRetention())));
        return new SchedulingPolicy(base, global, decks, settings.get(LOAD_BALANCING, srs.loadBalancing()) && base.fuzz(), easy,
                interview, studyDay());
    }

    static Map<String, String> parsePresets(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("a preset line must be <deck>=<parameters id>, got \"" + line + "\"");
            }
            out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return out;
    }

    static String formatPresets(Map<String, String> presets) {
        StringBuilder sb = new StringBuilder();
        presets.forEach((deck, id) -> sb.append(deck).append('=').append(id).append('\n'));
        return sb.toString();
    }
}
