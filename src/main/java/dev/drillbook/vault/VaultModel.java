package dev.drillbook.vault;

import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.LinkRef;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.NoteLink;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.SourceRange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notes of a vault and how they link, in memory: plain Java, no files, no threads. Changes come in as note
 * contents read from disk and paths that went away ({@link #update}); every link is resolved against the vault as it
 * is after the whole change, and notes whose links come to point elsewhere are re-resolved (never re-read or
 * re-parsed). One writer at a time (the caller serialises updates); readers may read concurrently.
 */
final class VaultModel {

    private final NameIndex names = new NameIndex();
    private final Map<String, Note> notes = new ConcurrentHashMap<>();
    private final Set<String> attachments = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> backlinks = new ConcurrentHashMap<>();
    /** Link key (lower-cased file name or alias text) → notes whose links use it: who to re-resolve when names change. */
    private final Map<String, Set<String>> referrers = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong revisions = new AtomicLong();

    /**
     * Applies one change.
     *
     * @param read contents of notes that are new or whose file changed
     * @param gone vault paths of notes that no longer exist
     * @param attachmentsAdded vault paths of other files that appeared
     * @param attachmentsGone vault paths of other files that went
     * @param initial whether this is the vault's first content
     * @return what changed, or empty if nothing did
     */
    Optional<VaultChanged> update(Collection<NoteContent> read, Collection<String> gone, Collection<String> attachmentsAdded,
            Collection<String> attachmentsGone, boolean initial) {
        read = withoutUnchanged(read);
        Set<String> affectedKeys = new HashSet<>();
        Set<String> removed = new TreeSet<>();
        for (String path : gone) {
            Note old = notes.remove(path);
            if (old != null) {
                unindex(old);
                affectedKeys.addAll(names.keys(path, old.aliases()));
                names.remove(path);
                removed.add(path);
            }
        }
        for (String path : attachmentsGone) {
            if (attachments.remove(path)) {
                names.remove(path);
                affectedKeys.addAll(names.keys(path, List.of()));
            }
        }
        for (String path : attachmentsAdded) {
            if (attachments.add(path)) {
                names.add(path, List.of());
                affectedKeys.addAll(names.keys(path, List.of()));
            }
        }
        for (NoteContent content : read) {
            Note old = notes.get(content.path());
            if (old == null || !old.aliases().equals(content.aliases())) {
                affectedKeys.addAll(names.keys(content.path(), content.aliases()));
                if (old != null) {
                    affectedKeys.addAll(names.keys(content.path(), old.aliases()));
                }
                names.add(content.path(), content.aliases());
            }
        }
        // every name of this change is in place: resolve the notes read, then the others whose names moved
        Set<String> changed = new TreeSet<>();
        for (NoteContent content : read) {
            put(Note.of(content, resolve(content), revisions.incrementAndGet()));
            changed.add(content.path());
        }
        Set<String> relinked = new TreeSet<>();
        for (String key : affectedKeys) {
            for (String referrer : List.copyOf(referrers.getOrDefault(key, Set.of()))) {
                Note note = notes.get(referrer);
                if (note == null || changed.contains(referrer) || relinked.contains(referrer)) {
                    continue;
                }
                List<NoteLink> links = resolve(note.content());
                if (!links.equals(note.links())) {
                    put(note.relinked(links, revisions.incrementAndGet()));
                    relinked.add(referrer);
                }
            }
        }
        if (changed.isEmpty() && relinked.isEmpty() && removed.isEmpty() && attachmentsAdded.isEmpty()
                && attachmentsGone.isEmpty() && !initial) {
            return Optional.empty();
        }
        return Optional.of(new VaultChanged(changed, relinked, removed, version.incrementAndGet(), initial));
    }

    /** The note's links as they resolve now; a Markdown link that does not look like a note counts only if it resolves. */
    private List<NoteLink> resolve(NoteContent content) {
        List<NoteLink> out = new ArrayList<>(content.facts().links().size());
        for (LinkRef ref : content.facts().links()) {
            Resolution resolution = resolution(content.path(), ref);
            if (ref.optional() && !resolution.resolved()) {
                continue;
            }
            out.add(new NoteLink(ref, resolution.path()));
        }
        return out;
    }

    /** Where one link of the note at {@code from} points (also its ambiguity, for the problems page). */
    Resolution resolution(String from, LinkRef ref) {
        return ref.target().isEmpty() ? Resolution.of(from) : names.resolve(ref.target(), from);
    }

    /**
     * Drops the notes whose bytes are those already known (a sync tool or a checkout touched the file): they take
     * their new modification time quietly and are no change.
     */
    private List<NoteContent> withoutUnchanged(Collection<NoteContent> read) {
        List<NoteContent> changed = new ArrayList<>(read.size());
        for (NoteContent content : read) {
            Note old = notes.get(content.path());
            if (old != null && !content.hash().isEmpty() && content.hash().equals(old.content().hash())
                    && content.fileProblems().equals(old.content().fileProblems())) {
                notes.put(content.path(), old.touched(content));
            } else {
                changed.add(content);
            }
        }
        return changed;
    }

    private void put(Note note) {
        Note old = notes.put(note.path(), note);
        if (old != null) {
            unindex(old);
        }
        for (NoteLink link : note.links()) {
            if (link.resolved() != null && !link.resolved().equals(note.path())) {
                backlinks.computeIfAbsent(link.resolved(), k -> ConcurrentHashMap.newKeySet()).add(note.path());
            }
            for (String key : keys(link)) {
                referrers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(note.path());
            }
        }
    }

    private void unindex(Note note) {
        for (NoteLink link : note.links()) {
            if (link.resolved() != null) {
                Set<String> sources = backlinks.get(link.resolved());
                if (sources != null) {
                    sources.remove(note.path());
                }
            }
            for (String key : keys(link)) {
                Set<String> users = referrers.get(key);
                if (users != null) {
                    users.remove(note.path());
                }
            }
        }
    }

    /** The keys a link is filed under: the file name it asks for, and its whole text (an alias may hold a slash). */
    private static List<String> keys(NoteLink link) {
        if (link.target().isEmpty()) {
            return List.of();
        }
        return List.of(NameIndex.linkKey(link.target()), link.target().strip().toLowerCase(Locale.ROOT));
    }

    // ---------------------------------------------------------------- reading

    Optional<Note> note(String path) {
        return Optional.ofNullable(path == null ? null : notes.get(path));
    }

    Collection<Note> notes() {
        return Collections.unmodifiableCollection(notes.values());
    }

    Set<String> paths() {
        return Collections.unmodifiableSet(notes.keySet());
    }

    boolean hasAttachment(String path) {
        return attachments.contains(path);
    }

    Set<String> attachments() {
        return Collections.unmodifiableSet(attachments);
    }

    NameIndex names() {
        return names;
    }

    long version() {
        return version.get();
    }

    /** Notes linking to {@code path}, sorted by path. */
    List<String> backlinks(String path) {
        return backlinks.getOrDefault(path, Set.of()).stream().filter(notes::containsKey).sorted().toList();
    }

    /** Problems of one note: its file and Markdown, broken or ambiguous links and anchors, embed cycles. */
    List<VaultProblem> problems(Note note, int maxEmbedDepth) {
        List<VaultProblem> out = new ArrayList<>();
        note.problems().forEach(p -> out.add(new VaultProblem(note.path(), p.kind(), p.message(), p.line())));
        for (LinkRef ref : note.facts().links()) {
            if (ref.target().isEmpty()) {
                continue;
            }
            Resolution resolution = resolution(note.path(), ref);
            if (!resolution.resolved() && !ref.optional()) {
                out.add(new VaultProblem(note.path(), MarkdownProblem.BROKEN_LINK,
                        "Link to \u201c" + ref.target() + "\u201d does not match any note or file in the vault.", ref.line()));
            } else if (resolution.ambiguous()) {
                out.add(new VaultProblem(note.path(), MarkdownProblem.AMBIGUOUS_LINK, "Link to \u201c" + ref.target()
                        + "\u201d matches several files; using " + resolution.path() + " (also: "
                        + String.join(", ", resolution.ambiguousWith()) + "). Write the folder to choose one.", ref.line()));
            }
        }
        for (NoteLink link : note.links()) {
            if (link.anchor() == null || link.resolved() == null || !SiteUrls.isMarkdown(link.resolved())) {
                continue;
            }
            Note target = notes.get(link.resolved());
            if (target != null && !target.facts().anchors().containsKey(AnchorIds.anchor(link.anchor()))) {
                out.add(new VaultProblem(note.path(), MarkdownProblem.BROKEN_ANCHOR, "\u201c" + target.title()
                        + "\u201d has no " + (link.anchor().startsWith("^") ? "block" : "heading") + " \u201c"
                        + link.anchor() + "\u201d; the link opens the top of the note.", link.line()));
            }
        }
        for (String cycle : embedCycles(note, maxEmbedDepth)) {
            out.add(new VaultProblem(note.path(), MarkdownProblem.EMBED_CYCLE,
                    "Embeds loop: " + cycle + ". Each note is shown once, then a notice.", null));
        }
        return out;
    }

    /**
     * Embeds of {@code note} that would loop back into themselves, as {@code A → B → A} chains. Read off the links
     * alone: an embed of {@code Note#Heading} follows only the embeds written in that heading's section.
     */
    List<String> embedCycles(Note note, int maxDepth) {
        List<String> found = new ArrayList<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(note.path());
        walkEmbeds(note, null, stack, maxDepth, found);
        return found;
    }

    private void walkEmbeds(Note note, SourceRange range, Deque<String> stack, int maxDepth, List<String> found) {
        for (NoteLink link : note.links()) {
            if (!link.embed() || link.resolved() == null || !SiteUrls.isMarkdown(link.resolved())
                    || (range != null && (link.ref().offset() < range.start() || link.ref().offset() >= range.end()))) {
                continue;
            }
            Note target = notes.get(link.resolved());
            String anchor = link.anchor() == null ? null : AnchorIds.anchor(link.anchor());
            SourceRange part = anchor == null || target == null ? null : target.facts().anchors().get(anchor);
            if (target == null || (anchor != null && part == null)) {
                continue;
            }
            String key = anchor == null ? target.path() : target.path() + "#" + anchor;
            if (stack.contains(key)) {
                List<String> chain = new ArrayList<>(stack);
                Collections.reverse(chain);
                chain.add(key);
                found.add(String.join(" \u2192 ", chain));
            } else if (stack.size() <= maxDepth) {
                stack.push(key);
                walkEmbeds(target, part, stack, maxDepth, found);
                stack.pop();
            }
        }
    }
}
