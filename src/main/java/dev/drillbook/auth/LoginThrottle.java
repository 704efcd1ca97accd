package dev.drillbook.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code attempts} failed sign-ins per client within {@code window}; time is a parameter. */
public final class LoginThrottle {

    private final int attempts;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int attempts, Duration window) {
        this.attempts = attempts;
        this.window = window;
    }

    /** How long the client must wait before trying again; zero when it may try now. */
    public Duration waitFor(String client, Instant now) {
        Deque<Instant> f = failures.get(client);
        if (f == null) {
            return Duration.ZERO;
        }
        synchronized (f) {
            while (!f.isEmpty() && !f.peekFirst().plus(window).isAfter(now)) {
                f.pollFirst();
            }
            return f.size() < attempts ? Duration.ZERO : Duration.between(now, f.peekFirst().plus(window));
        }
    }

    public void failed(String client, Instant now) {
        Deque<Instant> f = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (f) {
            f.addLast(now);
        }
    }

    public void succeeded(String client) {
        failures.remove(client);
    }
}
