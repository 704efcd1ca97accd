package dev.drillbook.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs a request function from N concurrent clients and reports latency percentiles. */
final class Latencies {

    /** @param serverCpuMs the server process's CPU time per request (user + system), NaN if not measured */
    record Report(int requests, int clients, double p50, double p95, double p99, double max, double throughput, double serverCpuMs) {
        String row(String what) {
            return String.format(Locale.ENGLISH, "| %s | %d clients, %d requests | %.1f | %.1f | %.1f | %.0f/s%s |",
                    what, clients, requests, p50, p95, p99, throughput,
                    Double.isNaN(serverCpuMs) ? "" : String.format(Locale.ENGLISH, ", server CPU %.2f ms/request", serverCpuMs));
        }

        /** For one cell of a table: the percentiles, the rate and the server's CPU per request. */
        String summary() {
            return String.format(Locale.ENGLISH, "p50 / p95 / p99 %.1f / %.1f / %.1f ms, %.0f/s%s", p50, p95, p99, throughput,
                    Double.isNaN(serverCpuMs) ? "" : String.format(Locale.ENGLISH, ", server CPU %.2f ms per request", serverCpuMs));
        }
    }

    @FunctionalInterface
    interface Call {
        void run(int i) throws Exception;
    }

    @FunctionalInterface
    interface HttpCall {
        void run(KeepAliveClient client, int i) throws Exception;
    }

    /**
     * Each of {@code clients} threads holds its own keep-alive connection to the server on {@code port}; the
     * server's CPU time over the run ({@code /proc/<pid>/stat}) is reported per request.
     */
    static Report http(int clients, int requests, int port, long pid, HttpCall call) throws Exception {
        List<KeepAliveClient> opened = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<KeepAliveClient> connections = ThreadLocal.withInitial(() -> {
            KeepAliveClient client = new KeepAliveClient(port);
            opened.add(client);
            return client;
        });
        long cpuBefore = cpuTicks(pid);
        Report report = measure(clients, requests, i -> call.run(connections.get(), i));
        long cpuAfter = cpuTicks(pid);
        synchronized (opened) {
            opened.forEach(KeepAliveClient::close);
        }
        double cpuMs = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : (cpuAfter - cpuBefore) * 10.0 / requests;
        return new Report(report.requests(), report.clients(), report.p50(), report.p95(), report.p99(), report.max(),
                report.throughput(), cpuMs);
    }

    /** utime + stime of a process in clock ticks (100 per second on Linux), or -1. */
    static long cpuTicks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private Latencies() {
    }

    static Report measure(int clients, int requests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Double> all = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                for (int i = client; i < requests; i += clients) {
                    long t = System.nanoTime();
                    call.run(i);
                    all.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(all);
        Collections.sort(sorted);
        return new Report(requests, clients, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1),
                requests / seconds, Double.NaN);
    }

    static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static IntFunction<String> cycle(List<String> items) {
        return i -> items.get(Math.floorMod(i * 7919, items.size()));
    }
}
