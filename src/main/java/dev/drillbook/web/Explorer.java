package dev.drillbook.web;

import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.vault.Note;
import dev.drillbook.vault.Vault;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file-explorer tree of the sidebar. Small vaults are sent whole. In large ones only the folders on the way to
 * the current note are open, each showing at most {@link #FOLDER_NOTE_LIMIT} notes around the current one, and
 * the rest load when asked for — a page of a 10,000-note vault stays a few kilobytes. The folder structure is
 * built once per vault version.
 */
@ApplicationScoped
public class Explorer {

    /** Up to this many notes, the whole tree is in every page. */
    static final int FULL_TREE_LIMIT = 400;
    /** In larger vaults, notes shown per open folder before "show all". */
    static final int FOLDER_NOTE_LIMIT = 40;

    @TemplateData
    record Node(String name, String path, String url, boolean folder, boolean open, boolean current, boolean lazy,
            int count, List<Node> children, int more) {
    }

    private static final class Folder {
        final String path;
        final Map<String, Folder> folders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final List<Note> notes = new ArrayList<>();
        final Map<String, Integer> position = new java.util.HashMap<>();
        int count;

        Folder(String path) {
            this.path = path;
        }
    }

    private record Tree(long version, Folder root, int size) {
    }

    @Inject
    Vault vault;

    private volatile Tree tree = new Tree(-1, new Folder(""), 0);

    /**
     * Children of {@code folder} ("" for the root), opened along the way to {@code currentPath} (a note path, or a
     * folder path ending in /); {@code all} lifts the per-folder limit.
     */
    List<Node> children(String folder, String currentPath, boolean all) {
        Tree current = tree();
        Folder start = current.root();
        if (!folder.isEmpty()) {
            for (String part : folder.split("/")) {
                start = start.folders.get(part);
                if (start == null) {
                    return List.of();
                }
            }
        }
        boolean full = current.size() <= FULL_TREE_LIMIT;
        return nodes(start, currentPath == null ? "" : currentPath, full, all);
    }

    private Tree tree() {
        Tree current = tree;
        long version = vault.version();
        if (current.version() == version) {
            return current;
        }
        Folder root = new Folder("");
        int size = 0;
        for (Note note : vault.notes()) {
            size++;
            Folder folder = root;
            root.count++;
            if (!note.folder().isEmpty()) {
                for (String part : note.folder().split("/")) {
                    String path = folder.path.isEmpty() ? part : folder.path + "/" + part;
                    folder = folder.folders.computeIfAbsent(part, k -> new Folder(path));
                    folder.count++;
                }
            }
            folder.notes.add(note);
        }
        sort(root);
        current = new Tree(version, root, size);
        tree = current;
        return current;
    }

    private static void sort(Folder folder) {
        folder.notes.sort(Comparator.comparing(Note::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Note::path));
        for (int i = 0; i < folder.notes.size(); i++) {
            folder.position.put(folder.notes.get(i).path(), i);
        }
        folder.folders.values().forEach(Explorer::sort);
    }

    private static List<Node> nodes(Folder folder, String currentPath, boolean full, boolean all) {
        List<Node> out = new ArrayList<>();
        for (Map.Entry<String, Folder> entry : folder.folders.entrySet()) {
            Folder child = entry.getValue();
            boolean onPath = currentPath.startsWith(child.path + "/");
            boolean expand = onPath || full;
            out.add(new Node(entry.getKey(), child.path, "/folders/" + SiteUrls.encodePath(child.path), true, onPath, false,
                    !expand, child.count, expand ? nodes(child, currentPath, full, false) : List.of(), 0));
        }
        List<Note> notes = folder.notes;
        int from = 0;
        int to = notes.size();
        if (!full && !all && notes.size() > FOLDER_NOTE_LIMIT) {
            int at = folder.position.getOrDefault(currentPath, 0);
            from = Math.max(0, Math.min(at - FOLDER_NOTE_LIMIT / 2, notes.size() - FOLDER_NOTE_LIMIT));
            to = from + FOLDER_NOTE_LIMIT;
        }
        for (Note note : notes.subList(from, to)) {
            out.add(new Node(note.title(), note.path(), note.url(), false, false, note.path().equals(currentPath), false, 0,
                    List.of(), 0));
        }
        int hidden = notes.size() - (to - from);
        if (hidden > 0) {
            out.add(new Node("Show all " + notes.size() + " notes", folder.path, null, false, false, false, true, 0, List.of(), hidden));
        }
        return out;
    }
}
