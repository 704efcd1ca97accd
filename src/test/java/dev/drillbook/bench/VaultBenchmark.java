package dev.drillbook.bench;

import dev.drillbook.support.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The targets of issue 19, per vault: {@code ./mvnw -Pbench verify -Dit.test=VaultBenchmark
 * -Dbench.vaults=hub,help,gen10k,gen50k} (the default; see {@link BenchVault} for the names). The packaged app runs
 * as a user runs it, {@code java -jar target/quarkus-app/quarkus-run.jar} with the JVM's default settings, on a
 * throwaway copy of the vault (the benchmark edits notes): a first open with an empty data folder, then a restart
 * on the same data folder, which is measured further (idle CPU, latencies under load, edits, peak RSS). Figures go
 * to {@code target/bench/vault-<name>.md} with the target beside each; nothing is asserted but that the
 * app loads the vault and answers.
 */
class VaultBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    /** CPU below this share of a core for {@link #QUIET_WINDOW} counts as done with background work. */
    private static final double QUIET_SHARE = 0.05;
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(2);
    private static final Duration QUIET_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(60);
    private static final int EDITS = 5;
    private static final Duration EDIT_TIMEOUT = Duration.ofSeconds(10);

    @TestFactory
    Stream<DynamicTest> vaults() {
        return Arrays.stream(System.getProperty("bench.vaults", "hub,help,gen10k,gen50k").split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> DynamicTest.dynamicTest(name, () -> measure(BenchVault.resolve(name))));
    }

    /** What {@code /api/status} said while a process started: when it was browsable and searchable, and progress. */
    record Startup(long browsableMs, long searchableMs, int notes, int progressReadings, String progressExample) {
    }

    private void measure(BenchVault vault) throws Exception {
        Path work = Files.createTempDirectory("drillbook-bench-");
        try {
            Path notes = vault.copyTo(work.resolve("notes"));
            Path questions = Files.createDirectories(work.resolve("questions"));
            Path data = work.resolve("data");
            Table table = new Table(vault);

            Startup first;
            long firstRss;
            try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
                first = startup(app, 0);
                long quiet = awaitQuiet(app);
                firstRss = app.peakRssMb();
                table.row("First open, no index: launch → browsable", seconds(first.browsableMs()),
                        vault.is("gen10k") ? "≤ 20 s" : "(≤ 20 s on gen10k)");
                table.row("…→ searchable", seconds(first.searchableMs()), vault.is("gen10k") ? "≤ 30 s" : "(≤ 30 s on gen10k)");
                table.row("…progress shown meanwhile (`loadedSoFar` of `total` before `loaded`)", first.progressReadings() == 0
                        ? "no" : String.format(Locale.ROOT, "yes, %d readings (e.g. %s)", first.progressReadings(), first.progressExample()),
                        vault.is("gen10k") ? "shown" : "(shown, on gen10k)");
                table.row("…background work done (CPU < 5 % of a core for 2 s), from launch", quiet < 0
                        ? "not within " + QUIET_TIMEOUT.toSeconds() + " s" : seconds(quiet), "");
            }

            try (AppProcess app = AppProcess.start(notes, questions, data, Map.of(), List.of())) {
                Startup again = startup(app, first.notes());
                table.row(String.format(Locale.ROOT, "Restart with the index present: launch → all %,d notes browsable", first.notes()),
                        seconds(again.browsableMs()), vault.is("hub") || vault.is("gen10k") ? "≤ 8 s" : "(≤ 8 s on hub and gen10k)");
                table.row("…→ all of them searchable", seconds(again.searchableMs()),
                        vault.is("hub") || vault.is("gen10k") ? "≤ 8 s" : "(≤ 8 s on hub and gen10k)");
                long pid = app.process.pid();
                long before = Latencies.cpuTicks(pid);
                Thread.sleep(IDLE_WINDOW.toMillis());
                double idle = (Latencies.cpuTicks(pid) - before) / (IDLE_WINDOW.toSeconds() * 100.0) * 100;
                table.row("Idle CPU, the 60 s after that (no requests, no file changes)",
                        String.format(Locale.ROOT, "%.1f %% of a core", idle), "< 2 %");

                underLoad(app, table, vault);
                edits(app, notes, table);
                table.row("Peak RSS (VmHWM), first open / restart and the runs above",
                        String.format(Locale.ROOT, "%,d MB / %,d MB", firstRss, app.peakRssMb()),
                        vault.is("gen10k") ? "≤ 1 GB" : vault.is("gen50k") ? "≤ 2 GB" : "(≤ 1 GB on gen10k, ≤ 2 GB on gen50k)");
            }
            Bench.write("vault-" + vault.name(), table.markdown());
        } finally {
            BenchVault.delete(work);
        }
    }

    /**
     * Polls {@code /api/status} from launch until {@code loaded} and {@code searchReady} with at least
     * {@code notes} notes; fails if the process dies or takes longer than {@link #LOAD_TIMEOUT}.
     */
    private static Startup startup(AppProcess app, int notes) throws Exception {
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        long browsable = -1;
        int readings = 0;
        String example = null;
        while (System.nanoTime() < deadline) {
            if (!app.process.isAlive()) {
                throw new AssertionError("the app exited with " + app.process.exitValue() + " before loading the vault; see "
                        + Path.of("target", "bench", "app-" + app.port + ".log"));
            }
            JsonNode status;
            try {
                status = JSON.readTree(app.get("/api/status"));
            } catch (IOException e) {
                Thread.sleep(50);
                continue;  // not listening yet
            }
            long now = (System.nanoTime() - app.startedNanos) / 1_000_000;
            int count = status.path("notes").asInt();
            boolean loaded = status.path("loaded").asBoolean() && count >= Math.max(1, notes);
            int soFar = status.path("loadedSoFar").asInt();
            int total = status.path("total").asInt();
            if (!status.path("loaded").asBoolean() && total > 0 && soFar > 0 && soFar < total) {
                readings++;
                example = example != null ? example : String.format(Locale.ROOT, "%,d of %,d", soFar, total);
            }
            if (loaded && browsable < 0) {
                browsable = now;
            }
            if (loaded && status.path("searchReady").asBoolean()) {
                return new Startup(browsable, now, count, readings, example);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the app did not load the vault within " + LOAD_TIMEOUT + "; see "
                + Path.of("target", "bench", "app-" + app.port + ".log"));
    }

    /** Milliseconds from launch until the process has been quiet for {@link #QUIET_WINDOW}, or -1 past the timeout. */
    private static long awaitQuiet(AppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        long pid = app.process.pid();
        while (System.nanoTime() < deadline) {
            long before = Latencies.cpuTicks(pid);
            Thread.sleep(QUIET_WINDOW.toMillis());
            if (Latencies.cpuTicks(pid) - before < QUIET_SHARE * QUIET_WINDOW.toMillis() / 10) {
                return (System.nanoTime() - app.startedNanos) / 1_000_000 - QUIET_WINDOW.toMillis();
            }
        }
        return -1;
    }

    /** Note pages and searches from 8 concurrent keep-alive clients, each after a warm-up, and a trivial request's floor. */
    private static void underLoad(AppProcess app, Table table, BenchVault vault) throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode note : JSON.readTree(app.get("/api/notes"))) {
            urls.add(note.get("url").asText());
            titles.add(note.get("title").asText());
        }
        int port = app.port;
        long pid = app.process.pid();
        IntFunction<String> page = Latencies.cycle(urls);
        Latencies.http(4, Math.min(urls.size(), 3000), port, pid, (c, i) -> c.get(page.apply(i)));
        Latencies.Report floor = Latencies.http(8, 4000, port, pid, (c, i) -> c.get("/api/status"));
        table.row("Floor: `/api/status` (tiny JSON), 8 clients", floor.summary(), "");
        Latencies.Report pages = Latencies.http(8, 4000, port, pid, (c, i) -> c.get(page.apply(i + 1)));
        table.row("Note page (HTML), 8 clients, 4,000 pages", pages.summary(), vault.is("hub") ? "p99 ≤ 20 ms" : "(p99 ≤ 20 ms on hub)");
        List<String> queries = studyQueries(titles, 600);
        if (queries.isEmpty()) {
            table.row("Search", "no title words of 4 letters or more to search for", "");
            return;
        }
        IntFunction<String> search = i -> "/api/search?limit=10&q="
                + URLEncoder.encode(queries.get(i % queries.size()), StandardCharsets.UTF_8);
        // every query once first: nothing caches results, so a query seen before costs what a new one does
        Latencies.http(4, queries.size(), port, pid, (c, i) -> c.get(search.apply(i)));
        Latencies.Report searches = Latencies.http(8, 3000, port, pid, (c, i) -> c.get(search.apply(i)));
        table.row(String.format(Locale.ROOT, "Search (`/api/search`, 10 hits with snippets), 8 clients, 3,000 searches over %d distinct queries",
                queries.size()), searches.summary(), vault.is("hub") ? "p99 ≤ 20 ms" : "(p99 ≤ 20 ms on hub)");
    }

    /**
     * {@link #EDITS} notes edited 2 s apart (Obsidian saves a note being typed every two seconds): a paragraph with a
     * word no note has and a link to a note it did not link to. Measured from the write until the note's page shows
     * the word, its links include the new one, the linked note's backlinks include it, and search finds it by the word.
     */
    private static void edits(AppProcess app, Path notes, Table table) throws Exception {
        // the note's URL as the app gives it (its page is the URL, its JSON the URL under /api)
        Map<String, String> urls = new java.util.TreeMap<>();
        JSON.readTree(app.get("/api/notes")).forEach(n -> urls.put(n.get("path").asText(), n.get("url").asText()));
        List<String> paths = new ArrayList<>(urls.keySet());
        Random random = new Random(19);
        double[][] times = new double[4][EDITS];
        try (KeepAliveClient client = new KeepAliveClient(app.port)) {
            for (int e = 0, tries = 0; e < EDITS; tries++) {
                if (tries > 10_000) {
                    throw new AssertionError("no note to edit in the vault");
                }
                String path = paths.get(random.nextInt(paths.size()));
                String linked = paths.get(random.nextInt(paths.size()));
                Path file = notes.resolve(path);
                String text = Files.readString(file);
                // the new paragraph must not land inside code, math or a comment left open, and the link must be writable
                if (path.equals(linked) || !path.endsWith(".md") || !linked.endsWith(".md") || linked.matches(".*[#|^\\[\\]].*")
                        || text.contains("```") || text.contains("~~~") || text.contains("%%") || text.contains("$$")
                        || resolvedLinks(client, urls.get(path)).contains(linked)) {
                    continue;
                }
                String marker = marker(random);
                Thread.sleep(2000);
                long written = System.nanoTime();
                Files.writeString(file, text + "\n\nEdited by the benchmark: " + marker + " and [["
                        + linked.substring(0, linked.length() - 3) + "]].\n");
                double[] seen = {-1, -1, -1, -1};
                long deadline = written + EDIT_TIMEOUT.toNanos();
                while (Arrays.stream(seen).anyMatch(t -> t < 0) && System.nanoTime() < deadline) {
                    boolean[] now = {
                        seen[0] < 0 && page(client, urls.get(path)).contains(marker),
                        seen[1] < 0 && resolvedLinks(client, urls.get(path)).contains(linked),
                        seen[2] < 0 && backlinks(client, urls.get(linked)).contains(path),
                        seen[3] < 0 && searchHits(client, marker).contains(path)};
                    for (int k = 0; k < 4; k++) {
                        if (now[k]) {
                            seen[k] = (System.nanoTime() - written) / 1e6;
                        }
                    }
                    Thread.sleep(10);
                }
                for (int k = 0; k < 4; k++) {
                    times[k][e] = seen[k] < 0 ? Double.POSITIVE_INFINITY : seen[k];
                }
                e++;
            }
        }
        String[] what = {"its page shows the new text", "its links include the new one",
            "the linked note's backlinks include it", "search finds it by the new word"};
        for (int k = 0; k < 4; k++) {
            table.row((k == 0 ? String.format(Locale.ROOT, "One edited note visible (%d edits 2 s apart), write → ", EDITS) : "…→ ")
                    + what[k] + ", median / max", millis(times[k]), "≤ 1 s");
        }
    }

    private static String page(KeepAliveClient client, String url) {
        try {
            return client.get(url);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> resolvedLinks(KeepAliveClient client, String url) {
        JsonNode note = api(client, "/api" + url);
        return note == null ? List.of() : note.path("links").findValuesAsText("resolved");
    }

    private static List<String> backlinks(KeepAliveClient client, String url) {
        List<String> paths = new ArrayList<>();
        JsonNode note = api(client, "/api" + url);
        if (note != null) {
            note.path("backlinks").forEach(b -> paths.add(b.asText()));
        }
        return paths;
    }

    private static List<String> searchHits(KeepAliveClient client, String word) {
        JsonNode hits = api(client, "/api/search?limit=10&q=" + word);
        return hits == null ? List.of() : hits.findValuesAsText("path");
    }

    /** The JSON answer, or null while the app cannot give it (e.g. 503 while the index catches up). */
    private static JsonNode api(KeepAliveClient client, String url) {
        try {
            return JSON.readTree(client.get(url));
        } catch (IOException e) {
            return null;
        }
    }

    /** A word no vault has: letters only, so every analyser keeps it whole. */
    private static String marker(Random random) {
        StringBuilder word = new StringBuilder("qzx");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String millis(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return format(sorted[sorted.length / 2]) + " / " + format(sorted[sorted.length - 1]);
    }

    private static String format(double ms) {
        return Double.isInfinite(ms) ? "> " + EDIT_TIMEOUT.toSeconds() + " s" : String.format(Locale.ROOT, "%,.0f ms", ms);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /**
     * Distinct queries made from words of the vault's own titles, so results are not flattered by a handful of hot
     * queries: one word, two words, a word with a typo, a quoted two-word phrase and a prefix, in rotation.
     */
    static List<String> studyQueries(List<String> titles, int count) {
        List<String> words = new ArrayList<>();
        for (String title : titles) {
            for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (w.length() >= 4) {
                    words.add(w);
                }
            }
        }
        Random random = new Random(42);
        LinkedHashSet<String> queries = new LinkedHashSet<>();
        for (int tries = 0; queries.size() < count && !words.isEmpty() && tries < count * 20; tries++) {
            String a = words.get(random.nextInt(words.size()));
            String b = words.get(random.nextInt(words.size()));
            queries.add(switch (queries.size() % 5) {
                case 0 -> a;
                case 1 -> a + " " + b;
                case 2 -> a.substring(0, a.length() - 2) + a.charAt(a.length() - 1) + a.charAt(a.length() - 2);
                case 3 -> "\"" + a + " " + b + "\"";
                default -> a.substring(0, 3);
            });
        }
        return new ArrayList<>(queries);
    }

    /** The figures of one vault as a Markdown table, with the target each is measured against. */
    private static final class Table {
        private final StringBuilder rows = new StringBuilder();
        private final BenchVault vault;

        Table(BenchVault vault) {
            this.vault = vault;
        }

        void row(String measure, String result, String target) {
            rows.append("| ").append(measure).append(" | ").append(result).append(" | ").append(target).append(" |\n");
        }

        String markdown() {
            return "Vault: " + vault.name() + " (" + vault.source() + (vault.generatedNotes() > 0 ? ", generated, seed "
                    + Long.getLong("bench.seed", 42) : "") + "). App: `java -jar target/quarkus-app/quarkus-run.jar`, "
                    + "the JVM's default settings (and a GC log to a file). Targets in parentheses are set for another vault.\n\n"
                    + "| Measure | Result | Target |\n|---|---|---|\n" + rows;
        }
    }
}
