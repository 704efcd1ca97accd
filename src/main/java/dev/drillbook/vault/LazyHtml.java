package dev.drillbook.vault;

import dev.drillbook.markdown.EmbedRef;
import dev.drillbook.markdown.HtmlTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A note's HTML, rendered on first use and then kept, deflated. Loading a vault only parses notes (for links, tags
 * and search); HTML is produced in the background or when a page is first asked for. Kept as plain strings, the
 * HTML of a 10,000-note vault took ~100 MB of heap and left a 512 MB heap collecting in a loop; deflated it takes
 * about a quarter of that, and inflating a note costs tens of microseconds on the (page-cached) way to a page.
 */
public final class LazyHtml implements Supplier<HtmlTemplate> {

    /** Below this many bytes compression saves too little to be worth a round trip. */
    private static final int DEFLATE_FROM = 512;

    record Packed(byte[] bytes, int length, boolean deflated, List<EmbedRef> embeds) {
    }

    private final Supplier<HtmlTemplate> render;
    private volatile Packed packed;

    public LazyHtml(Supplier<HtmlTemplate> render) {
        this.render = render;
    }

    public static LazyHtml of(HtmlTemplate html) {
        LazyHtml lazy = new LazyHtml(() -> html);
        lazy.packed = pack(html);
        return lazy;
    }

    @Override
    public HtmlTemplate get() {
        Packed current = packed;
        if (current == null) {
            synchronized (this) {
                current = packed;
                if (current == null) {
                    HtmlTemplate html = render.get();
                    packed = pack(html);
                    return html;
                }
            }
        }
        return unpack(current);
    }

    public boolean rendered() {
        return packed != null;
    }

    static Packed pack(HtmlTemplate html) {
        byte[] utf8 = html.joined().getBytes(StandardCharsets.UTF_8);
        if (utf8.length < DEFLATE_FROM) {
            return new Packed(utf8, utf8.length, false, html.embeds());
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 3 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Packed(out.toByteArray(), utf8.length, true, html.embeds());
        } finally {
            deflater.end();
        }
    }

    static HtmlTemplate unpack(Packed packed) {
        byte[] utf8 = packed.bytes();
        if (packed.deflated()) {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(packed.bytes());
                utf8 = new byte[packed.length()];
                int n = 0;
                while (n < utf8.length && !inflater.finished()) {
                    int read = inflater.inflate(utf8, n, utf8.length - n);
                    if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new DataFormatException("truncated");
                    }
                    n += read;
                }
            } catch (DataFormatException e) {
                throw new IllegalStateException("Stored HTML is corrupt", e);
            } finally {
                inflater.end();
            }
        }
        return HtmlTemplate.split(new String(utf8, StandardCharsets.UTF_8), packed.embeds());
    }
}
