package dev.drillbook.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Rendered HTML with slots for note embeds: {@code parts.size() == embeds.size() + 1}, and the page is
 * {@code parts[0] + embed[0] + parts[1] + …}.
 */
public record HtmlTemplate(List<String> parts, List<EmbedRef> embeds) {

    /** Marker the renderer writes where an embed goes; flexmark replaces NUL in the input, so it cannot be forged. */
    public static final char SLOT = '\u0000';

    public HtmlTemplate {
        parts = List.copyOf(parts);
        embeds = List.copyOf(embeds);
        if (parts.size() != embeds.size() + 1) {
            throw new IllegalArgumentException("parts must be one more than embeds");
        }
    }

    public static HtmlTemplate of(String html) {
        return new HtmlTemplate(List.of(html), List.of());
    }

    /** The inverse of {@link #joined()}. */
    public static HtmlTemplate split(String html, List<EmbedRef> embeds) {
        List<String> parts = new ArrayList<>(embeds.size() + 1);
        int from = 0;
        for (int i = 0; i < embeds.size(); i++) {
            int slot = html.indexOf(SLOT, from);
            parts.add(html.substring(from, slot));
            from = slot + 1;
        }
        parts.add(html.substring(from));
        return new HtmlTemplate(parts, embeds);
    }

    /** The parts with a {@link #SLOT} where each embed goes: one string to store. */
    public String joined() {
        return String.join(String.valueOf(SLOT), parts);
    }

    /** The HTML with every embed slot left empty (for previews and tests of the static part). */
    public String withoutEmbeds() {
        return String.join("", parts);
    }

    public int length() {
        int n = 0;
        for (String part : parts) {
            n += part.length();
        }
        return n;
    }
}
