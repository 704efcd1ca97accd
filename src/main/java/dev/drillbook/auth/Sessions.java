package dev.drillbook.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory (a restart signs everyone out, which for a personal app is a feature). Each has a
 * random id (the HttpOnly cookie) and its own CSRF token (sent back by the page's scripts in a header).
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    public record Session(String id, String csrf, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration lifetime;

    public Sessions(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Session create(Instant now) {
        sessions.values().removeIf(s -> s.expires().isBefore(now));
        Session s = new Session(token(), token(), now.plus(lifetime));
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || s.expires().isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
