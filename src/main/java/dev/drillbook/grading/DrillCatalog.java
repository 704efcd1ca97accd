package dev.drillbook.grading;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.DirectoryWatcher;
import dev.drillbook.vault.NoteBuilder;
import dev.drillbook.vault.ProblemSource;
import dev.drillbook.vault.VaultPaths;
import dev.drillbook.vault.VaultProblem;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The drills in the questions folder, kept up to date as files change; broken drills go to the problems page. */
@ApplicationScoped
public class DrillCatalog implements ProblemSource {

    private static final Logger LOG = Logger.getLogger(DrillCatalog.class);

    @Inject
    DrillbookConfig config;

    private final Map<String, Drill> drills = new ConcurrentHashMap<>();
    private final Map<String, List<VaultProblem>> problems = new ConcurrentHashMap<>();
    private volatile Path root;

    @Inject
    jakarta.enterprise.event.Event<QuestionsChanged> changed;
    private DirectoryWatcher watcher;

    /** Reads the drills and starts following their folder (the start-up pipeline calls this first). */
    public void load() {
        root = config.questionsDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return;
        }
        readAll();
        if (config.vault().watch()) {
            try {
                watcher = new DirectoryWatcher(root, config.vault().debounce(), batch -> {
                    batch.forEach(this::read);
                    changed.fire(new QuestionsChanged());
                }, () -> {
                    rescan();
                    changed.fire(new QuestionsChanged());
                });
                watcher.start("drills");
            } catch (IOException e) {
                LOG.warnf("Cannot watch %s: %s", root, e.getMessage());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void rescan() {
        drills.clear();
        problems.clear();
        readAll();
    }

    private void readAll() {
        try {
            VaultPaths.markdownFiles(root).forEach(this::read);
        } catch (IOException e) {
            LOG.warnf("Cannot list %s: %s", root, e.getMessage());
        }
    }

    /** Reads one file: a drill is added or replaced; anything else (or a deleted file) is forgotten. */
    private void read(Path file) {
        if (!SiteUrls.isMarkdown(file.toString())) {
            return;
        }
        String source = "questions/" + VaultPaths.relative(root, file);
        drills.values().removeIf(d -> d.source().equals(source));
        problems.remove(source);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            String text = VaultPaths.readInside(root, file);
            if (DrillParser.kindOf(NoteBuilder.frontMatter(text)) == null) {
                return;
            }
            DrillParser.Result result = DrillParser.parse(source, text);
            result.drill().ifPresent(d -> drills.put(d.id(), d));
            if (!result.problems().isEmpty()) {
                problems.put(source, result.problems());
            }
        } catch (IOException | RuntimeException e) {
            problems.put(source, List.of(new VaultProblem(source, "drill-unreadable",
                    "The file could not be read (" + e.getClass().getSimpleName() + ").", null)));
        }
    }

    /** System-design drills, by title. */
    public List<Drill> drills() {
        return ofKind(Drill.DRILL);
    }

    /** Behavioural questions, by title. */
    public List<Drill> behavioral() {
        return ofKind(Drill.BEHAVIORAL);
    }

    /** Coding exercises, by title. */
    public List<Drill> coding() {
        return ofKind(Drill.CODING);
    }

    private List<Drill> ofKind(String kind) {
        List<Drill> all = new ArrayList<>(drills.values().stream().filter(d -> d.kind().equals(kind)).toList());
        all.sort(Comparator.comparing(Drill::title, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    public Optional<Drill> drill(String id) {
        return Optional.ofNullable(drills.get(id));
    }

    @Override
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>();
        problems.values().forEach(all::addAll);
        return all;
    }
}
