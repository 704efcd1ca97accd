package dev.drillbook.startup;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.grading.DrillCatalog;
import dev.drillbook.grading.GradingService;
import dev.drillbook.graph.GraphService;
import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.search.SearchIndex;
import dev.drillbook.vault.NoteContent;
import dev.drillbook.vault.Vault;
import dev.drillbook.vault.VaultChanged;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Everything Drillbook does at start, in order, in one place:
 * <ol>
 * <li>the drills are read and pending grades resumed (small: done before the first request);</li>
 * <li>in the background, the vault index on disk is opened and the vault starts from the notes it stored: every note
 * is browsable and searchable at once;</li>
 * <li>the vault starts following the folder, then reads what changed on disk since the index was written (on a first
 * start: everything), and the search index and the graph take that change in; live changes wait for this;</li>
 * <li>the cards are read. From then on each change of the vault goes through the same steps.</li>
 * </ol>
 * Every other bean that follows the vault observes {@link VaultChanged}, fired after those steps.
 */
@ApplicationScoped
public class StartupPipeline {

    private static final Logger LOG = Logger.getLogger(StartupPipeline.class);

    @Inject
    DrillbookConfig config;

    @Inject
    DrillCatalog drills;

    @Inject
    GradingService grading;

    @Inject
    Vault vault;

    @Inject
    SearchIndex search;

    @Inject
    GraphService graph;

    @Inject
    CardCatalog cards;

    @Inject
    Event<VaultChanged> changes;

    @Inject
    ManagedExecutor executor;

    void onStart(@Observes StartupEvent event) {
        LOG.info(servingLine(config));
        drills.load();
        grading.start();
        executor.execute(this::openVault);
    }

    private void openVault() {
        try {
            long started = System.nanoTime();
            List<NoteContent> stored = search.open();
            apply(vault.open(config.notesDir(), stored));
            vault.watch(this::apply);  // from before the folder is compared with the index: no edit is missed
            vault.catchUp(this::apply);
            search.caughtUp();
            LOG.infof("Vault ready in %d ms", (System.nanoTime() - started) / 1_000_000);
            cards.load();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Opening the vault failed", e);
        }
    }

    /** Says what is served from where, so a wrong folder (a typo, a -D after -jar) is seen at once. */
    static String servingLine(DrillbookConfig config) {
        java.nio.file.Path questions = config.questionsDir().toAbsolutePath().normalize();
        return String.format("Serving the vault %s; questions from %s%s; Drillbook's data in %s",
                config.notesDir().toAbsolutePath().normalize(), questions,
                java.nio.file.Files.isDirectory(questions) ? "" : " (no such folder: no cards, drills or interview formats besides the vault's)",
                config.dataDir().toAbsolutePath().normalize());
    }

    /** One change of the vault, taken in by everything that follows it, in this order. */
    private void apply(VaultChanged change) {
        search.apply(change);
        graph.apply(change);
        cards.apply(change);
        changes.fire(change);
    }
}
