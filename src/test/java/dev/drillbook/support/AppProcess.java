package dev.drillbook.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged app ({@code target/quarkus-app/quarkus-run.jar}) run as a separate process, as a user runs it. */
public final class AppProcess implements AutoCloseable {

    public final int port;
    public final Process process;
    public final long startedNanos;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppProcess(int port, Process process, long startedNanos) {
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    public static AppProcess start(Path notes, Path questions, Path data, Map<String, String> env, List<String> jvmArgs) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package the app first (the bench profile runs after `package`)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        // garbage-collection pauses next to the app's log, to explain a latency outlier
        command.add("-Xlog:gc:file=" + Path.of("target", "bench", "app-" + port + "-gc.log") + ":uptime");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench", "app-" + port + ".log").toFile());
        Files.createDirectories(Path.of("target", "bench"));
        builder.environment().put("DRILLBOOK_NOTES_DIR", notes.toString());
        builder.environment().put("DRILLBOOK_QUESTIONS_DIR", questions.toString());
        builder.environment().put("DRILLBOOK_DATA_DIR", data.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        return new AppProcess(port, builder.start(), started);
    }

    /** POSTs JSON; returns the status code and body. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Kills the process without warning (SIGKILL): no shutdown hooks, no flushing. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " -> " + response.statusCode());
        }
        return response.body();
    }

    /** Milliseconds from process start until {@code /api/status} says the vault is loaded. */
    public long awaitLoaded(Duration timeout) throws InterruptedException {
        return awaitStatus("\"loaded\":true", timeout);
    }

    /** Milliseconds from process start until {@code /api/status} contains {@code marker}. */
    public long awaitStatus(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/api/status").contains(marker)) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("app did not load within " + timeout);
    }

    /** Peak resident set size of the process so far, in MB (Linux {@code VmHWM}). */
    public long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
