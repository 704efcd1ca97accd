package dev.drillbook.markdown;

import java.util.List;

/**
 * Where a link's target text points in the vault.
 *
 * @param path vault-relative path of the target file ({@code rag/Overview.md}, {@code img/x.png}), or null when unresolved
 * @param ambiguousWith the other candidates when several files matched equally (the first one wins); empty otherwise
 * @param viaAlias true when the target was found through a note's {@code aliases}
 */
public record Resolution(String path, List<String> ambiguousWith, boolean viaAlias) {

    private static final Resolution UNRESOLVED = new Resolution(null, List.of(), false);

    public Resolution {
        ambiguousWith = List.copyOf(ambiguousWith);
    }

    public static Resolution unresolved() {
        return UNRESOLVED;
    }

    public static Resolution of(String path) {
        return new Resolution(path, List.of(), false);
    }

    public boolean resolved() {
        return path != null;
    }

    public boolean isNote() {
        return path != null && SiteUrls.isMarkdown(path);
    }

    public boolean ambiguous() {
        return !ambiguousWith.isEmpty();
    }
}
