package dev.drillbook.web;

import dev.drillbook.vault.VaultChanged;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.List;

/**
 * Live pages: every change of the vault, pushed to open pages as a server-sent event. A page that shows one of the
 * touched notes (or lists notes, backlinks or problems) fetches itself again and swaps the parts that differ
 * ({@code assets/live.js}). Only note paths travel, which the note pages show anyway.
 */
@Path("/events")
@ApplicationScoped
public class LiveEvents {

    /** One change as the browser sees it: what was (re-)read or relinked, what is gone, and the new vault version. */
    public record LiveChange(long version, List<String> touched, List<String> removed) {
    }

    private final BroadcastProcessor<LiveChange> changes = BroadcastProcessor.create();

    void onVaultChanged(@Observes VaultChanged change) {
        if (change.initial() || change.isEmpty()) {
            return;  // the start-up read is not news to a page opened after it
        }
        changes.onNext(new LiveChange(change.version(), change.touched().stream().sorted().toList(),
                change.removed().stream().sorted().toList()));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Vault changes as server-sent events: {version, touched, removed} per change")
    public Multi<LiveChange> stream() {
        // A slow page drops changes rather than holding the others back: the next one makes it fetch the page anyway.
        return changes.onOverflow().dropPreviousItems();
    }
}
