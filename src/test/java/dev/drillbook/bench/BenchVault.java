package dev.drillbook.bench;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A vault the benchmark runs on, by the name given in {@code -Dbench.vaults}: {@code hub} and {@code help} are the
 * shared real vaults (under {@code -Dbench.datasets}, by default {@code ../shared/datasets/vaults}; skipped when
 * absent), {@code gen10k}, {@code gen50k} or {@code gen500} a generated vault of that many notes (seed
 * {@code -Dbench.seed}, default 42; kept under {@code target/bench/} and reused while the generator and the seed
 * are the same), anything with a slash a folder of your own.
 */
record BenchVault(String name, Path source, int generatedNotes) {

    private static final Pattern GENERATED = Pattern.compile("gen(\\d+)(k?)");

    static BenchVault resolve(String name) throws IOException {
        Path datasets = Path.of(System.getProperty("bench.datasets", "../shared/datasets/vaults"));
        switch (name) {
            case "hub" -> {
                return shared(name, datasets.resolve("obsidian-hub"));
            }
            case "help" -> {
                return shared(name, datasets.resolve("obsidian-help"));
            }
            default -> {
                Matcher m = GENERATED.matcher(name);
                if (m.matches()) {
                    int notes = Integer.parseInt(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
                    return new BenchVault(name, generated(notes, Long.getLong("bench.seed", 42)), notes);
                }
                if (name.contains("/")) {
                    Path folder = Path.of(name);
                    if (!Files.isDirectory(folder)) {
                        throw new IllegalArgumentException("no folder " + folder);
                    }
                    return new BenchVault(folder.toAbsolutePath().normalize().getFileName().toString(), folder, 0);
                }
                throw new IllegalArgumentException("unknown vault \u201c" + name + "\u201d: use hub, help, gen<N>, gen<N>k or a folder path");
            }
        }
    }

    private static BenchVault shared(String name, Path folder) {
        Assumptions.assumeTrue(Files.isDirectory(folder), folder + " is absent: " + name + " skipped");
        return new BenchVault(name, folder, 0);
    }

    /** The generated vault of that size and seed under target/bench, made now unless an identical one is there. */
    private static Path generated(int notes, long seed) throws IOException {
        Path folder = Path.of("target", "bench", "gen-" + notes + "-s" + seed);
        Path stamp = folder.resolveSibling(folder.getFileName() + ".complete");
        String expected = "VaultGenerator version " + VaultGenerator.VERSION + ", " + notes + " notes, seed " + seed + "\n";
        if (Files.isDirectory(folder) && Files.exists(stamp) && Files.readString(stamp).equals(expected)) {
            return folder;
        }
        Files.deleteIfExists(stamp);
        delete(folder);
        long started = System.nanoTime();
        VaultGenerator.Summary summary = VaultGenerator.generate(folder, notes, seed);
        System.out.printf(Locale.ROOT, "generated %s: %,d notes, %.1f MB in %.1f s%n", folder, summary.notes(),
                summary.bytes() / 1e6, (System.nanoTime() - started) / 1e9);
        Files.writeString(stamp, expected);
        return folder;
    }

    /** Whether this is the vault a target of the issue is stated for: {@code hub}, {@code gen10k}, {@code gen50k}. */
    boolean is(String target) {
        return switch (target) {
            case "hub" -> name.equals("hub");
            case "gen10k" -> generatedNotes == 10_000;
            case "gen50k" -> generatedNotes == 50_000;
            default -> false;
        };
    }

    /** A throwaway copy to run the app on (the benchmark edits notes), with the files' modification times. */
    Path copyTo(Path target) throws IOException, InterruptedException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // a user's vault is already on disk: the kernel should not be writing the fresh copy back while the app starts
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        return target;
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
