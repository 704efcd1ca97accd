package dev.drillbook.markdown;

/**
 * A note embed left as a slot in a rendered page, filled at serve time so that an edited note shows up in every
 * note that embeds it without re-rendering them.
 *
 * @param path vault path of the embedded note
 * @param anchor heading text or {@code ^blockid} to embed only that part, or null for the whole note
 * @param href the link text as written ({@code Note#Heading}), kept as {@code data-src}
 * @param display the display text given after {@code |}, or null
 * @param block true when the embed stands alone in its paragraph (rendered as a block box)
 */
public record EmbedRef(String path, String anchor, String href, String display, boolean block) {

    /** Identity of what is embedded, for cycle detection: two sections of one note are different keys. */
    public String key() {
        return anchor == null ? path : path + "#" + AnchorIds.anchor(anchor);
    }
}
