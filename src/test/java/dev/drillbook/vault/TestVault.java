package dev.drillbook.vault;

import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SourceRange;

import java.time.Instant;
import java.util.List;

/** A vault in memory for tests of the vault package: notes from text, links resolved as the app resolves them. */
final class TestVault {

    static final ObsidianMarkdown MARKDOWN = new ObsidianMarkdown();
    final VaultModel model = new VaultModel();
    private final NoteBuilder builder = new NoteBuilder(MARKDOWN, 5_000_000);

    /** Adds or replaces a note. */
    TestVault note(String path, String text) {
        model.update(List.of(builder.build(path, text, Instant.EPOCH, text.length())), List.of(), List.of(), List.of(), false);
        return this;
    }

    TestVault remove(String path) {
        model.update(List.of(), List.of(path), List.of(), List.of(), false);
        return this;
    }

    Note get(String path) {
        return model.note(path).orElseThrow();
    }

    HtmlTemplate template(Note note) {
        return MARKDOWN.html(note.facts().source(), note.path(), model.names(), true);
    }

    EmbedComposer composer(int depth) {
        return new EmbedComposer(model::note, this::template, (n, id) -> {
            SourceRange range = n.facts().anchors().get(id);
            return MARKDOWN.html(n.facts().source().substring(range.start(), range.end()), n.path(), model.names(), true);
        }, depth);
    }
}
