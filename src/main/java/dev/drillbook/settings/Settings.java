package dev.drillbook.settings;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings the user changes in the app, stored in the {@code setting} table. The few rows are read once and
 * kept in memory, so reading a setting costs a map lookup (the scheduler reads several per answer). A key without a
 * row has no value here; the caller falls back to its configured default. Writes go through {@link #edit}, several
 * keys in one transaction.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class);

    @Inject
    EntityManager em;

    private volatile Map<String, String> values;
    private final AtomicLong version = new AtomicLong();

    /** The stored value, or empty when the key has none (or its text no longer parses, which is logged). */
    public <T> Optional<T> get(Setting<T> key) {
        String text = all().get(key.name());
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.parse().apply(text));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Stored setting %s is ignored: %s", key.name(), e.getMessage());
            return Optional.empty();
        }
    }

    public <T> T get(Setting<T> key, T fallback) {
        return get(key).orElse(fallback);
    }

    /** Changes whenever a setting is written: lets callers rebuild what they derive from settings. */
    public long version() {
        return version.get();
    }

    /** Several changes applied together by {@link Edit#commit()}. */
    public Edit edit(Instant now) {
        return new Edit(now);
    }

    public final class Edit {
        private final Instant now;
        private final Map<String, Optional<String>> changes = new LinkedHashMap<>();

        private Edit(Instant now) {
            this.now = now;
        }

        /** Sets a value; a bad one fails here, before anything is written. */
        public <T> Edit set(Setting<T> key, T value) {
            changes.put(key.name(), Optional.of(key.format().apply(key.validated(value))));
            return this;
        }

        /** Removes the stored value: the key goes back to its default. */
        public Edit clear(Setting<?> key) {
            changes.put(key.name(), Optional.empty());
            return this;
        }

        public void commit() {
            if (changes.isEmpty()) {
                return;
            }
            synchronized (Settings.this) {
                write();
                values = null;
                version.incrementAndGet();
            }
        }

        private void write() {
            QuarkusTransaction.requiringNew().run(() -> changes.forEach((name, value) -> {
                SettingEntity row = em.find(SettingEntity.class, name);
                if (value.isEmpty()) {
                    if (row != null) {
                        em.remove(row);
                    }
                    return;
                }
                if (row == null) {
                    row = new SettingEntity();
                    row.name = name;
                    row.value = value.get();
                    row.updatedAt = now;
                    em.persist(row);
                } else {
                    row.value = value.get();
                    row.updatedAt = now;
                }
            }));
        }
    }

    private Map<String, String> all() {
        Map<String, String> current = values;
        return current != null ? current : load();
    }

    /** Under the same lock as writes, so a load never caches what a concurrent write is replacing. */
    private synchronized Map<String, String> load() {
        Map<String, String> current = values;
        if (current == null) {
            current = QuarkusTransaction.joiningExisting().call(() -> {
                Map<String, String> loaded = new HashMap<>();
                for (SettingEntity row : em.createQuery("from SettingEntity", SettingEntity.class).getResultList()) {
                    loaded.put(row.name, row.value);
                }
                return Map.copyOf(loaded);
            });
            values = current;
        }
        return current;
    }

    /** The stored rows were replaced wholesale (a backup restored): read them again. */
    public synchronized void reload() {
        values = null;
        version.incrementAndGet();
    }
}
