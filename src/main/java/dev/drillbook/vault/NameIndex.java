package dev.drillbook.vault;

import dev.drillbook.markdown.LinkTargets;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves link text to vault files, in Obsidian's order:
 * <ol>
 * <li>exact vault path ({@code rag/Overview} or {@code rag/Overview.md});</li>
 * <li>path relative to the linking note's folder ({@code ../img/x.png});</li>
 * <li>for targets with a folder, a path ending in it ({@code Overview} in {@code notes/rag/Overview.md});</li>
 * <li>exact file name, then case-insensitive file name — among several, the shortest path, then alphabetical,
 * and the link is reported as ambiguous;</li>
 * <li>a note whose {@code aliases} contain the text (case-insensitive);</li>
 * <li>otherwise unresolved.</li>
 * </ol>
 * Notes are named without {@code .md}; attachments by their full file name. Safe for concurrent readers with one
 * writer; lists are replaced, never mutated.
 */
public final class NameIndex implements LinkTargets {

    /** Shortest path first, then alphabetical: which of several same-named files a link means. */
    static final Comparator<String> PREFERENCE = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lowerPaths = new ConcurrentHashMap<>();
    private final Map<String, List<String>> notesByName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> notesByLowerName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> filesByName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> filesByLowerName = new ConcurrentHashMap<>();
    private final Map<String, List<String>> byAlias = new ConcurrentHashMap<>();
    private final Map<String, List<String>> aliasesOf = new ConcurrentHashMap<>();

    /** Adds (or re-adds) a file; for notes, with its aliases. */
    public void add(String path, Collection<String> aliases) {
        remove(path);
        paths.add(path);
        lowerPaths.put(path.toLowerCase(Locale.ROOT), path);
        if (SiteUrls.isMarkdown(path)) {
            String name = SiteUrls.baseName(path);
            addTo(notesByName, name, path);
            addTo(notesByLowerName, name.toLowerCase(Locale.ROOT), path);
            List<String> keys = aliases.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                    .distinct().toList();
            aliasesOf.put(path, keys);
            keys.forEach(alias -> addTo(byAlias, alias, path));
        } else {
            String name = path.substring(path.lastIndexOf('/') + 1);
            addTo(filesByName, name, path);
            addTo(filesByLowerName, name.toLowerCase(Locale.ROOT), path);
        }
    }

    public void remove(String path) {
        if (!paths.remove(path)) {
            return;
        }
        lowerPaths.remove(path.toLowerCase(Locale.ROOT), path);
        if (SiteUrls.isMarkdown(path)) {
            String name = SiteUrls.baseName(path);
            removeFrom(notesByName, name, path);
            removeFrom(notesByLowerName, name.toLowerCase(Locale.ROOT), path);
            List<String> aliases = aliasesOf.remove(path);
            if (aliases != null) {
                aliases.forEach(alias -> removeFrom(byAlias, alias, path));
            }
        } else {
            String name = path.substring(path.lastIndexOf('/') + 1);
            removeFrom(filesByName, name, path);
            removeFrom(filesByLowerName, name.toLowerCase(Locale.ROOT), path);
        }
    }

    public boolean contains(String path) {
        return paths.contains(path);
    }

    /** The aliases a note was indexed with (lower-cased). */
    public List<String> aliases(String path) {
        return aliasesOf.getOrDefault(path, List.of());
    }

    /** Every key a link can use to reach this file: its name and its aliases, lower-cased. */
    public List<String> keys(String path, Collection<String> aliases) {
        List<String> keys = new ArrayList<>();
        keys.add(linkKey(path.substring(path.lastIndexOf('/') + 1)));
        aliases.forEach(a -> keys.add(a.strip().toLowerCase(Locale.ROOT)));
        return keys;
    }

    /** The key a link target is filed under: lower-cased file name without {@code .md}. */
    public static String linkKey(String target) {
        String name = target.substring(target.lastIndexOf('/') + 1);
        return SiteUrls.stripMarkdownExtension(name).toLowerCase(Locale.ROOT);
    }

    @Override
    public Resolution resolve(String rawTarget, String fromPath) {
        String target = rawTarget.strip().replace('\\', '/');
        while (target.startsWith("/")) {
            target = target.substring(1);
        }
        if (target.isEmpty()) {
            return Resolution.unresolved();
        }
        Optional<String> exact = existing(target);
        if (exact.isPresent()) {
            return Resolution.of(exact.get());
        }
        if (fromPath != null && !VaultPaths.folder(fromPath).isEmpty()) {
            Optional<String> relative = VaultPaths.normalize(VaultPaths.folder(fromPath) + "/" + target).flatMap(this::existing);
            if (relative.isPresent()) {
                return Resolution.of(relative.get());
            }
        }
        if (target.contains("/")) {
            Optional<String> normalized = VaultPaths.normalize(target);
            if (normalized.isPresent()) {
                String suffix = "/" + normalized.get();
                List<String> matches = paths.stream()
                        .filter(p -> p.endsWith(suffix) || p.endsWith(suffix + ".md")).sorted(PREFERENCE).toList();
                if (!matches.isEmpty()) {
                    return pick(matches, false);
                }
            }
        } else {
            boolean md = SiteUrls.isMarkdown(target);
            String name = md ? target.substring(0, target.length() - 3) : target;
            Resolution byName = byName(name, md, false);
            if (byName.resolved()) {
                return byName;
            }
            Resolution byLowerName = byName(name.toLowerCase(Locale.ROOT), md, true);
            if (byLowerName.resolved()) {
                return byLowerName;
            }
        }
        List<String> aliased = byAlias.get(target.toLowerCase(Locale.ROOT));
        if (aliased != null && !aliased.isEmpty()) {
            return pick(aliased, true);
        }
        return Resolution.unresolved();
    }

    private Resolution byName(String name, boolean markdownOnly, boolean lower) {
        List<String> notes = (lower ? notesByLowerName : notesByName).get(name);
        if (notes != null && !notes.isEmpty()) {
            return pick(notes, false);
        }
        if (!markdownOnly) {
            List<String> files = (lower ? filesByLowerName : filesByName).get(name);
            if (files != null && !files.isEmpty()) {
                return pick(files, false);
            }
        }
        return Resolution.unresolved();
    }

    private Optional<String> existing(String target) {
        if (paths.contains(target)) {
            return Optional.of(target);
        }
        if (paths.contains(target + ".md")) {
            return Optional.of(target + ".md");
        }
        String lower = target.toLowerCase(Locale.ROOT);
        String found = lowerPaths.get(lower);
        if (found == null) {
            found = lowerPaths.get(lower + ".md");
        }
        return Optional.ofNullable(found);
    }

    private static Resolution pick(List<String> candidates, boolean viaAlias) {
        return new Resolution(candidates.get(0), candidates.subList(1, candidates.size()), viaAlias);
    }

    private static void addTo(Map<String, List<String>> map, String key, String path) {
        map.compute(key, (k, old) -> {
            List<String> list = old == null ? new ArrayList<>() : new ArrayList<>(old);
            if (!list.contains(path)) {
                list.add(path);
            }
            list.sort(PREFERENCE);
            return List.copyOf(list);
        });
    }

    private static void removeFrom(Map<String, List<String>> map, String key, String path) {
        map.computeIfPresent(key, (k, old) -> {
            List<String> list = new ArrayList<>(old);
            list.remove(path);
            return list.isEmpty() ? null : List.copyOf(list);
        });
    }
}
