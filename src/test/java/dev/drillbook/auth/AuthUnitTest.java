package dev.drillbook.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthUnitTest {

    @Test
    void bcryptHashesCheckOnlyTheirPassword() {
        String hash = PasswordCheck.hash("correct horse battery");
        assertTrue(hash.startsWith("$2"), hash);
        assertTrue(PasswordCheck.isHash(hash));
        assertTrue(PasswordCheck.matches(hash, "correct horse battery"));
        assertFalse(PasswordCheck.matches(hash, "correct horse batter"));
        assertFalse(PasswordCheck.matches("not a hash", "x"));
        assertFalse(PasswordCheck.isHash("plaintext-password"));
    }

    @Test
    void notesArePublicPersonalHistoryAndWritesAreNot() {
        for (String open : new String[] {"/", "/notes/rag/Overview", "/search?q=x", "/graph", "/api/notes", "/api/search?q=rag",
                "/assets/app.css", "/login", "/questions/rag.md"}) {
            assertFalse(AccessPolicy.isPrivate("GET", open, true), open);
        }
        for (String personal : new String[] {"/review", "/stats", "/drills", "/attempts/1", "/interviews", "/calibration", "/api/cards",
                "/api/review/next", "/api/stats", "/api/backup", "/api/anki/export", "/api/attempts/1", "/api/drills",
                "/api/interviews", "/mcp", "/notesx"}) {
            assertTrue(AccessPolicy.isPrivate("GET", personal, true), personal);
        }
        assertTrue(AccessPolicy.isPrivate("POST", "/api/search", true), "every write is private");
        assertTrue(AccessPolicy.isPrivate("DELETE", "/notes/x", true));
        assertFalse(AccessPolicy.isPrivate("POST", "/login", true), "signing in is open");
        assertTrue(AccessPolicy.isPrivate("GET", "/notes/rag/Overview", false), "public-notes=false closes the notes too");
        assertFalse(AccessPolicy.isPrivate("GET", "/assets/app.css", false));
    }

    @Test
    void throttleAllowsAFewFailuresPerWindow() {
        LoginThrottle t = new LoginThrottle(3, Duration.ofMinutes(5));
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, t.waitFor("a", now));
            t.failed("a", now.plusSeconds(i));
        }
        assertEquals(Duration.ofMinutes(5).minusSeconds(10), t.waitFor("a", now.plusSeconds(10)));
        assertEquals(Duration.ZERO, t.waitFor("b", now), "per client");
        assertEquals(Duration.ZERO, t.waitFor("a", now.plus(Duration.ofMinutes(5)).plusSeconds(1)), "the window passes");
        t.failed("c", now);
        t.succeeded("c");
        assertEquals(Duration.ZERO, t.waitFor("c", now));
    }
}
