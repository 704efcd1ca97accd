package dev.drillbook.web;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.vault.Vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Requests arriving while the vault is still being read wait here (API calls long, pages briefly). */
@ApplicationScoped
public class VaultGate {

    private static final Duration API_WAIT = Duration.ofSeconds(60);

    @Inject
    Vault vault;

    @Inject
    DrillbookConfig config;

    /** For JSON callers: waits for the first load, or fails with 503 and a clear message. */
    public void awaitForApi() {
        if (!vault.awaitLoaded(API_WAIT)) {
            throw new ApiException(503, "Vault still loading", "The vault is still being read ("
                    + vault.progress().done() + " of " + vault.progress().total() + " notes); try again shortly.");
        }
    }

    /** For pages: true when the vault is ready within the short page wait. */
    public boolean readyForPage() {
        return vault.awaitLoaded(config.vault().pageLoadWait());
    }
}
