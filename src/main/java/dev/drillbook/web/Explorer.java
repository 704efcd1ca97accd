package dev.drillbook.web;

import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.Note;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file-explorer tree of the sidebar. Small vaults are sent whole; in large ones only the folders on the way to
 * the current note are filled in, the rest load when opened.
 */
final class Explorer {

    /** Up to this many notes, the whole tree is in every page. */
    static final int FULL_TREE_LIMIT = 400;

    record Node(String name, String path, String url, boolean folder, boolean open, boolean current, boolean lazy,
            int count, List<Node> children) {
    }

    private static final class Folder {
        final String path;
        final Map<String, Folder> folders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final List<Note> notes = new ArrayList<>();
        int count;

        Folder(String path) {
            this.path = path;
        }
    }

    private Explorer() {
    }

    /** Children of {@code folder} ("" for the root), opened along the way to {@code currentPath}. */
    static List<Node> children(Collection<Note> notes, String folder, String currentPath) {
        Folder root = build(notes);
        Folder start = root;
        if (!folder.isEmpty()) {
            for (String part : folder.split("/")) {
                start = start.folders.get(part);
                if (start == null) {
                    return List.of();
                }
            }
        }
        boolean full = notes.size() <= FULL_TREE_LIMIT;
        return nodes(start, currentPath == null ? "" : currentPath, full);
    }

    private static Folder build(Collection<Note> notes) {
        Folder root = new Folder("");
        for (Note note : notes) {
            Folder current = root;
            root.count++;
            String folder = note.folder();
            if (!folder.isEmpty()) {
                for (String part : folder.split("/")) {
                    String path = current.path.isEmpty() ? part : current.path + "/" + part;
                    current = current.folders.computeIfAbsent(part, k -> new Folder(path));
                    current.count++;
                }
            }
            current.notes.add(note);
        }
        return root;
    }

    private static List<Node> nodes(Folder folder, String currentPath, boolean full) {
        List<Node> out = new ArrayList<>();
        for (Map.Entry<String, Folder> entry : folder.folders.entrySet()) {
            Folder child = entry.getValue();
            boolean onPath = currentPath.startsWith(child.path + "/");
            boolean expand = onPath || full;
            out.add(new Node(entry.getKey(), child.path, "/folders/" + SiteUrls.encodePath(child.path), true, onPath, false,
                    !expand, child.count, expand ? nodes(child, currentPath, full) : List.of()));
        }
        folder.notes.sort(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER));
        for (Note note : folder.notes) {
            out.add(new Node(note.title(), note.path(), note.url(), false, false, note.path().equals(currentPath), false, 0,
                    List.of()));
        }
        return out;
    }
}
