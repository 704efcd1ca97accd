package dev.drillbook.vault;

import dev.drillbook.markdown.HtmlTemplate;

import java.util.function.Supplier;

/**
 * A note's HTML, rendered on first use and then kept. Loading a vault only parses notes (for links, tags and
 * search); HTML is produced in the background or when a page is first asked for.
 */
public final class LazyHtml implements Supplier<HtmlTemplate> {

    private final Supplier<HtmlTemplate> render;
    private volatile HtmlTemplate html;

    public LazyHtml(Supplier<HtmlTemplate> render) {
        this.render = render;
    }

    public static LazyHtml of(HtmlTemplate html) {
        LazyHtml lazy = new LazyHtml(() -> html);
        lazy.html = html;
        return lazy;
    }

    @Override
    public HtmlTemplate get() {
        HtmlTemplate current = html;
        if (current == null) {
            synchronized (this) {
                current = html;
                if (current == null) {
                    current = render.get();
                    html = current;
                }
            }
        }
        return current;
    }

    public boolean rendered() {
        return html != null;
    }
}
