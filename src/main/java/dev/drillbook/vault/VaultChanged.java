package dev.drillbook.vault;

import java.util.HashSet;
import java.util.Set;

/**
 * What one change of the vault did. The start-up pipeline hands it to the search index, the graph and the cards in
 * turn, then fires it as a CDI event for anything else that follows the vault (MCP subscriptions, live pages).
 *
 * @param changed vault paths of notes whose file was (re-)read: new or edited
 * @param relinked vault paths of notes whose text is the same but whose links now point elsewhere (a note they link
 *     to appeared, went or was renamed)
 * @param removed vault paths of notes that are gone
 * @param version the vault version after the change
 * @param initial true for the notes the vault started with (restored from the vault index, or read on a first open)
 */
public record VaultChanged(Set<String> changed, Set<String> relinked, Set<String> removed, long version, boolean initial) {

    public VaultChanged {
        changed = Set.copyOf(changed);
        relinked = Set.copyOf(relinked);
        removed = Set.copyOf(removed);
    }

    public VaultChanged(Set<String> changed, Set<String> removed, long version, boolean initial) {
        this(changed, Set.of(), removed, version, initial);
    }

    /** Notes whose page, links or backlinks may look different now: changed or relinked. */
    public Set<String> touched() {
        Set<String> all = new HashSet<>(changed);
        all.addAll(relinked);
        return all;
    }

    public boolean isEmpty() {
        return changed.isEmpty() && relinked.isEmpty() && removed.isEmpty();
    }
}
