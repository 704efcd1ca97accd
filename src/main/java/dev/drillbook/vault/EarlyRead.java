package dev.drillbook.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Starts reading the notes while Quarkus is still booting, so the vault is ready sooner.
 *
 * <p>Why: booting (the database, migrations, Hibernate, the web layer) takes seconds, and the vault's own read used
 * to start only after it. Side by side the boot gets slower, as both want the cores, but the vault is ready sooner
 * (README, Performance, has the figures). This bean observes the earliest event
 * the application gets, when the notes folder is known from the raw configuration but the typed configuration is
 * not ready yet, and on a background thread reads every Markdown file and builds its note, as {@link Vault} would.
 * The vault takes the result when it starts its own load, if it was for the same folder: it lists the folder again
 * (its watcher runs from then on), reads again every file whose size or modification time changed, and keeps the
 * notes built early only if no file changed, came or went (a change can change how links in other notes resolve).
 * Nothing is written, and a read of another folder is dropped.
 */
@ApplicationScoped
class EarlyRead {

    private static final Logger LOG = Logger.getLogger(EarlyRead.class);

    private static volatile Pending pending;

    private record Pending(Path root, CompletableFuture<Result> read) {
    }

    /**
     * Where renders of notes built early report facts the fast scan got wrong: the vault, once it has started
     * (renders happen only after that).
     */
    static volatile java.util.function.BiConsumer<String, dev.drillbook.markdown.RenderedMarkdown> corrections;

    /**
     * The files read early (Markdown by vault path), and the notes built from them; {@code links} is what those notes
     * resolve links with when they render (later, lazily).
     */
    record Result(Path root, List<Path> files, Map<String, Vault.Source> sources, Map<String, Note> notes, Links links) {

        /**
         * From now on, notes built early resolve their links with the vault's own name index (which changes with
         * the vault) instead of the one they were built with (which does not).
         */
        void resolveWith(LinkTargets live) {
            links.current = live;
        }

        /**
         * The notes built early, if they are still what the vault would build now: the same files, none of them read
         * again (any change can change how other notes' links resolve, so then every note is built again).
         */
        Map<String, Note> notesIfUnchanged(List<Path> filesNow, List<Vault.Source> sourcesNow) {
            if (!filesNow.equals(files) || sourcesNow.size() != sources.size()) {
                return null;
            }
            for (Vault.Source source : sourcesNow) {
                if (sources.get(source.path()) != source) {
                    return null;
                }
            }
            return notes;
        }

        /**
         * The sources of {@code markdown} (this vault's Markdown files as listed now): the early read where the file
         * still has the size and modification time it had then, and a new read where not.
         */
        List<Vault.Source> upToDate(List<Path> markdown) {
            return markdown.parallelStream().map(file -> {
                Vault.Source early = sources.get(VaultPaths.relative(root, file));
                if (early != null && early.error() == null && unchanged(file, early)) {
                    return early;
                }
                return Vault.read(root, file);
            }).toList();
        }

        private static boolean unchanged(Path file, Vault.Source early) {
            try {
                BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
                return now.size() == early.size() && now.lastModifiedTime().toInstant().equals(early.modified());
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
    }

    /**
     * Quarkus warns at build time that this event may come at another moment in a native image; there it would come
     * while the image is built, so a native image does not read early at all.
     */
    void begin(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (io.quarkus.runtime.ImageMode.current().isNativeImage()) {
            return;
        }
        try {
            Optional<String> dir = ConfigProvider.getConfig().getOptionalValue("drillbook.notes-dir", String.class);
            if (dir.isEmpty()) {
                return;
            }
            Path root = Path.of(dir.get()).toAbsolutePath().normalize();
            if (Files.isDirectory(root)) {
                startFor(root);
            }
        } catch (RuntimeException e) {
            // a folder setting that is not a path: the vault's own start reports it
            LOG.debugf("Not reading the vault early: %s", e.getMessage());
        }
    }

    /** Starts reading {@code root} on a background thread (and the common pool), for {@link #take}. */
    static void startFor(Path root) {
        pending = new Pending(root, CompletableFuture.supplyAsync(() -> read(root), runnable -> {
            Thread thread = new Thread(runnable, "drillbook-early-read");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    static Result read(Path root) {
        try {
            List<Path> files = Vault.listFiles(root);
            // In parallel, as the vault's own load: on one thread it was still running when the boot had finished.
            List<Vault.Source> sources = files.parallelStream().filter(file -> SiteUrls.isMarkdown(file.toString()))
                    .map(file -> Vault.read(root, file)).toList();
            NameIndex names = new NameIndex();
            Vault.addNames(names, root, files, sources);
            Links links = new Links(names);
            NoteBuilder builder = new NoteBuilder(new ObsidianMarkdown(), (path, rendered) -> {
                var vault = corrections;
                if (vault != null) {
                    vault.accept(path, rendered);
                }
            });
            Map<String, Note> notes = sources.parallelStream()
                    .collect(Collectors.toConcurrentMap(Vault.Source::path, source -> Vault.build(builder, links, source)));
            Map<String, Vault.Source> byPath = sources.stream()
                    .collect(Collectors.toMap(Vault.Source::path, Function.identity(), (a, b) -> a));
            return new Result(root, files, byPath, notes, links);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Reading the vault early failed (it is read again): %s", e.getMessage());
            return null;
        }
    }

    /** Link resolution that can be handed over: a note renders long after it was built. */
    static final class Links implements LinkTargets {
        volatile LinkTargets current;

        Links(LinkTargets current) {
            this.current = current;
        }

        @Override
        public Resolution resolve(String target, String fromPath) {
            return current.resolve(target, fromPath);
        }
    }

    /**
     * The early read of {@code root}, waiting for it to finish if it is still running; null if there was none, or it
     * was of another folder. Taken once: a second call returns null.
     */
    static Result take(Path root) {
        Pending read = pending;
        pending = null;
        if (read == null || !read.root().equals(root)) {
            return null;  // not waited for: a read of another folder is of no use
        }
        try {
            return read.read().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
