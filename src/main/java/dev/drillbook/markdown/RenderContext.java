package dev.drillbook.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-document rendering state, attached to the flexmark {@code Document} (the parser and renderer are shared
 * between threads, so nothing per-document may live in extension fields).
 */
public final class RenderContext {

    public static final NullableDataKey<RenderContext> KEY = new NullableDataKey<>("DRILLBOOK_RENDER_CONTEXT");

    private final String path;
    private final LinkTargets targets;
    private final boolean embedNotes;
    private final Map<String, Resolution> resolutions = new HashMap<>();
    private final List<EmbedRef> embeds = new ArrayList<>();

    public RenderContext(String path, LinkTargets targets, boolean embedNotes) {
        this.path = path;
        this.targets = targets == null ? LinkTargets.NONE : targets;
        this.embedNotes = embedNotes;
    }

    /** The context of the document holding {@code node}; a throwaway one when rendered without. */
    public static RenderContext of(Node node) {
        RenderContext context = KEY.get(node.getDocument());
        return context != null ? context : new RenderContext(null, LinkTargets.NONE, false);
    }

    /** Vault path of the note being rendered, or null. */
    public String path() {
        return path;
    }

    public boolean embedNotes() {
        return embedNotes;
    }

    /** Resolves a link target once per document. */
    public Resolution resolve(String target) {
        return resolutions.computeIfAbsent(target, t -> targets.resolve(t, path));
    }

    /** Target of a same-note link ({@code [[#Heading]]}). */
    public Resolution self() {
        return path == null ? Resolution.unresolved() : Resolution.of(path);
    }

    List<EmbedRef> embeds() {
        return embeds;
    }

    /** Records an embed slot; the renderer writes {@link HtmlTemplate#SLOT} right after. */
    public void embedSlot(EmbedRef embed) {
        embeds.add(embed);
    }
}
