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

    record Report(int requests, int clients, double p50, double p95, double p99, double max, double throughput) {
        String row(String what) {
            return String.format(Locale.ENGLISH, "| %s | %d clients, %d requests | %.1f | %.1f | %.1f | %.0f/s |",
                    what, clients, requests, p50, p95, p99, throughput);
        }
    }

    @FunctionalInterface
    interface Call {
        void run(int i) throws Exception;
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
                requests / seconds);
    }

    static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static IntFunction<String> cycle(List<String> items) {
        return i -> items.get(Math.floorMod(i * 7919, items.size()));
    }
}
