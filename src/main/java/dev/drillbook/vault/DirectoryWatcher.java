package dev.drillbook.vault;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a folder tree (skipping dot-folders) and hands over the set of touched files once the burst of events
 * has been quiet for the debounce time. Editors save by writing a temporary file and renaming it; the receiver
 * looks at what is on disk, so the event kinds do not matter. New folders are watched as they appear, and
 * their files reported. On overflow the receiver is told to rescan everything.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class);

    private final Path root;
    private final Duration debounce;
    private final Consumer<Set<Path>> onChange;
    private final Runnable onOverflow;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private WatchService service;
    private Thread thread;

    public DirectoryWatcher(Path root, Duration debounce, Consumer<Set<Path>> onChange, Runnable onOverflow) {
        this.root = root;
        this.debounce = debounce;
        this.onChange = onChange;
        this.onOverflow = onOverflow;
    }

    public synchronized void start(String name) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        registerTree(root, null);
        thread = new Thread(this::run, "drillbook-watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir, Set<Path> discovered) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && VaultPaths.hidden(root.relativize(d))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = d.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                keys.put(key, d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (discovered != null) {
                    discovered.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        Set<Path> pending = new LinkedHashSet<>();
        boolean overflow = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = pending.isEmpty() && !overflow
                        ? service.take()
                        : service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    if (overflow) {
                        overflow = false;
                        pending.clear();
                        safely(onOverflow);
                    } else {
                        Set<Path> batch = Set.copyOf(pending);
                        pending.clear();
                        safely(() -> onChange.accept(batch));
                    }
                    continue;
                }
                Path dir = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                        overflow = true;
                        continue;
                    }
                    Path child = dir.resolve((Path) event.context());
                    if (VaultPaths.hidden(root.relativize(child))) {
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                        try {
                            registerTree(child, pending);
                        } catch (IOException e) {
                            LOG.warnf("Cannot watch new folder %s: %s", child, e.getMessage());
                        }
                    } else {
                        pending.add(child);
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("Applying vault changes failed; the next change will try again", e);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
        }
        if (service != null) {
            try {
                service.close();
            } catch (IOException ignored) {
                // closing on shutdown; nothing to do
            }
        }
    }
}
