package dev.drillbook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drillbook.markdown.EmbedRef;
import dev.drillbook.markdown.HtmlTemplate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class LazyHtmlTest {

    @Test
    void aLargeNoteComesBackExactlyWithItsEmbedSlots() {
        String big = "<p>Attention — softmax(QKᵀ/√d) · V</p>\n".repeat(200);
        HtmlTemplate html = new HtmlTemplate(List.of(big, "<p>between</p>", big + "<p>end</p>"),
                List.of(new EmbedRef("a.md", null, "/notes/a", "a", false), new EmbedRef("b.md", "h", "/notes/b#h", "b", true)));
        AtomicInteger renders = new AtomicInteger();
        LazyHtml lazy = new LazyHtml(() -> {
            renders.incrementAndGet();
            return html;
        });
        assertFalse(lazy.rendered());
        assertEquals(html, lazy.get());
        assertTrue(lazy.rendered());
        assertEquals(html, lazy.get(), "the kept (deflated) copy");
        assertEquals(1, renders.get(), "rendered once");
    }

    @Test
    void aSmallNoteIsKeptAsItIs() {
        HtmlTemplate html = HtmlTemplate.of("<p>short</p>");
        assertEquals(html, LazyHtml.of(html).get());
        assertEquals(html, LazyHtml.unpack(LazyHtml.pack(html)));
    }

    @Test
    void deflatingPaysOffOnRealisticHtml() {
        HtmlTemplate html = HtmlTemplate.of("<h2 id=\"notes\">Notes</h2><p>Each replica stores a shard of the index.</p>\n".repeat(100));
        int stored = LazyHtml.pack(html).bytes().length;
        assertTrue(stored * 3 < html.length(), "stored " + stored + " of " + html.length());
    }
}
