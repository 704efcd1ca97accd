package dev.drillbook.markdown;

import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;

/**
 * One id scheme for headings and for the anchors of links that point at them, so {@code [[Note#Key Ideas]]} lands
 * on {@code <h2 id="key-ideas">}. Block ids keep their caret ({@code ^id}), as in Obsidian URLs.
 */
public final class AnchorIds {

    /** Characters that become a dash in ids; everything else that is not a letter or digit is dropped. */
    public static final String TO_DASH_CHARS = " -_";

    private AnchorIds() {
    }

    /** Id for a heading or a link anchor; non-ASCII letters are kept (lower-cased). */
    public static String heading(String text) {
        return HeaderIdGenerator.generateId(text.strip(), TO_DASH_CHARS, "", true, true);
    }

    /** Id for a link anchor: {@code ^block} stays as it is, heading text goes through {@link #heading}. */
    public static String anchor(String anchor) {
        if (anchor == null || anchor.isBlank()) {
            return "";
        }
        return anchor.startsWith("^") ? anchor.strip() : heading(anchor);
    }
}
