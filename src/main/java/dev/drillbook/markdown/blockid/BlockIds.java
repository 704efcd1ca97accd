package dev.drillbook.markdown.blockid;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which block each {@code ^id} names, per document. */
public final class BlockIds {

    private static final NullableDataKey<Map<Node, String>> KEY = new NullableDataKey<>("DRILLBOOK_BLOCK_IDS");

    private BlockIds() {
    }

    static void put(Document document, Node block, String id) {
        Map<Node, String> ids = KEY.get(document);
        if (ids == null) {
            ids = new IdentityHashMap<>();
            KEY.set(document, ids);
        }
        ids.put(block, id);
    }

    /** The anchor ({@code ^id}) of a block, or null. */
    public static String of(Node block) {
        Map<Node, String> ids = KEY.get(block.getDocument());
        return ids == null ? null : ids.get(block);
    }

    /** Every named block of the document, anchor → block. */
    public static Map<String, Node> all(Document document) {
        Map<Node, String> ids = KEY.get(document);
        if (ids == null) {
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        ids.forEach((node, id) -> out.putIfAbsent(id, node));
        return Collections.unmodifiableMap(out);
    }
}
