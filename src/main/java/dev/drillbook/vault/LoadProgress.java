package dev.drillbook.vault;

/**
 * How far the vault has come since the app started.
 *
 * @param loaded every note can be browsed (restored from the vault index, or read on a first open)
 * @param catchingUp files that changed while the app was not running are still being read
 * @param done files read so far in the current reading (first open or catching up)
 * @param total files to read in it
 * @param millis how long the last reading took, in milliseconds
 */
public record LoadProgress(boolean loaded, boolean catchingUp, int done, int total, long millis) {
}
