package dev.drillbook.story;

import dev.drillbook.grading.Drill;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.VaultPaths;
import dev.drillbook.vault.ProblemSource;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;
import dev.drillbook.vault.VaultProblem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's stories: every story note of the vault, kept up to date as notes change, and which behavioural
 * questions each answers. A story that names a question that does not exist, or lacks a STAR section, is listed on
 * the problems page.
 */
@ApplicationScoped
public class StoryBank implements ProblemSource {

    private static final Logger LOG = Logger.getLogger(StoryBank.class);

    @Inject
    Vault vault;

    @Inject
    DrillCatalog drills;

    private final Map<String, StoryParser.Result> stories = new ConcurrentHashMap<>();

    void onVaultChanged(@Observes VaultChanged change) {
        change.removed().forEach(stories::remove);
        for (String path : change.changed()) {
            Optional<Note> note = vault.note(path);
            if (note.isEmpty() || !StoryParser.isStory(note.get().properties().get("type"), note.get().tags())) {
                stories.remove(path);
                continue;
            }
            try {
                stories.put(path, StoryParser.parse(path, note.get().title(), VaultPaths.readInside(vault.root(), vault.root().resolve(path))));
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Story %s could not be read: %s", path, e.getMessage());
                stories.remove(path);
            }
        }
    }

    /** Every story, by title. */
    public List<Story> stories() {
        List<Story> all = new ArrayList<>(stories.values().stream().map(StoryParser.Result::story).toList());
        all.sort(Comparator.comparing(Story::title, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /** The stories that answer a behavioural question, by title. */
    public List<Story> forQuestion(String questionId) {
        return stories().stream().filter(s -> s.questions().contains(questionId)).toList();
    }

    /** The stories as the reference for a question: each story's title (a link to its note) and outline, in Markdown. */
    public String reference(String questionId) {
        StringBuilder b = new StringBuilder();
        for (Story s : forQuestion(questionId)) {
            b.append(b.isEmpty() ? "" : "\n\n").append("**[[").append(s.path().replaceFirst("(?i)\\.md$", "")).append('|')
                    .append(s.title()).append("]]**").append(s.minutes() == null ? "" : " (about " + s.minutes() + " min)")
                    .append("\n\n").append(s.outline());
        }
        return b.toString();
    }

    @Override
    public List<VaultProblem> problems() {
        List<VaultProblem> all = new ArrayList<>();
        for (StoryParser.Result r : stories.values()) {
            all.addAll(r.problems());
            for (String q : r.story().questions()) {
                Optional<Drill> d = drills.drill(q);
                if (d.isEmpty() || !d.get().behavioral()) {
                    all.add(new VaultProblem(r.story().path(), "story", "\"" + q + "\" is not a behavioural question in questions/ "
                            + "(write its id, e.g. behavioral/failure; the drills page lists them).", 1));
                }
            }
        }
        return all;
    }
}
