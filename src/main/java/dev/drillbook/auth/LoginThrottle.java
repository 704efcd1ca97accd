package dev.drillbook.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code attempts} sign-in attempts per client within {@code window} until one succeeds; time is a parameter.
 * An attempt is counted before its password is checked ({@link #attempt}), so parallel guesses cannot all slip in
 * while the (slow) bcrypt checks of the first ones run.
 */
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

    /**
     * Counts an attempt now, if the client may make one.
     *
     * @return zero when the attempt may go ahead (it is counted), else how long to wait (nothing is counted)
     */
    public Duration attempt(String client, Instant now) {
        Deque<Instant> f = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (f) {
            while (!f.isEmpty() && !f.peekFirst().plus(window).isAfter(now)) {
                f.pollFirst();
            }
            if (f.size() >= attempts) {
                return Duration.between(now, f.peekFirst().plus(window));
            }
            f.addLast(now);
            return Duration.ZERO;
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
