package dev.drillbook.vault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Vault-relative paths: forward slashes, no {@code .}/{@code ..}, never escaping the vault. */
public final class VaultPaths {

    private VaultPaths() {
    }

    /**
     * Normalises a user-supplied relative path; empty when it is absolute, escapes the root with {@code ..},
     * or names a hidden (dot) file or folder.
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank() || raw.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String path = raw.replace('\\', '/');
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0)))) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (out.isEmpty()) {
                    return Optional.empty();
                }
                out.remove(out.size() - 1);
                continue;
            }
            if (segment.startsWith(".")) {
                return Optional.empty();
            }
            out.add(segment);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join("/", out));
    }

    /**
     * The text of {@code file}, a file under {@code root}, refusing a file that is (or sits in a folder that is) a
     * link to somewhere outside {@code root}: every reader of user folders goes through here, as notes and
     * attachments do, so a {@code leak.md -> /etc/passwd} link is never shown.
     */
    public static String readInside(Path root, Path file) throws java.io.IOException {
        if (!file.toRealPath().startsWith(root.toRealPath())) {
            throw new java.nio.file.AccessDeniedException(root.relativize(file.toAbsolutePath().normalize()).toString(), null,
                    "the file is a link to somewhere outside the folder, so it is not read");
        }
        return java.nio.file.Files.readString(file);
    }

    /** Vault path of a file under {@code root}. */
    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Folder part of a path, {@code ""} at the root. */
    public static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The Markdown files under {@code root}, outside hidden folders, sorted; none when {@code root} is not a folder. */
    public static List<Path> markdownFiles(Path root) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(root)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(root)) {
            return walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> dev.drillbook.markdown.SiteUrls.isMarkdown(f.toString()))
                    .filter(f -> !hidden(root.relativize(f)))
                    .sorted().toList();
        }
    }

    /** True for files and folders Drillbook never reads: {@code .obsidian/}, {@code .trash/}, {@code .git/}, dot-files. */
    public static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
