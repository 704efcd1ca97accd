package dev.drillbook.vault;

/** How far the first read of the vault has come. */
public record LoadProgress(boolean loaded, int done, int total, long millis) {
}
