package dev.drillbook.vault;

import java.util.Set;

/**
 * Fired (synchronously, on the vault's writer thread) after notes were loaded, changed or removed.
 *
 * @param changed vault paths of notes that were (re-)rendered
 * @param removed vault paths of notes that are gone
 * @param version the vault version after the change
 * @param initial true for the first load
 */
public record VaultChanged(Set<String> changed, Set<String> removed, long version, boolean initial) {
}
