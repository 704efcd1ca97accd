package dev.drillbook.vault;

/**
 * A problem shown on the vault problems page: a bad note, card file or drill, a broken link, an embed cycle.
 *
 * @param path vault-relative (or questions-relative, prefixed {@code questions/}) path of the file
 * @param kind stable identifier of the kind of problem
 * @param message what is wrong and what to do about it
 * @param line 1-based line, or null
 */
public record VaultProblem(String path, String kind, String message, Integer line) {
}
