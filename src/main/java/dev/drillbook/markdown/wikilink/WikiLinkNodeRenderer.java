package dev.drillbook.markdown.wikilink;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;

import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.EmbedRef;
import dev.drillbook.markdown.HtmlTemplate;
import dev.drillbook.markdown.RenderContext;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;

import java.util.Locale;
import java.util.Set;

/**
 * Renders wikilinks with Obsidian's DOM ({@code a.internal-link}, {@code .is-unresolved}, {@code .internal-embed})
 * using the vault's link resolution. Note embeds become slots filled at serve time; attachments are rendered here.
 */
public class WikiLinkNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(WikiLink.class, this::render),
                new NodeRenderingHandler<>(EmbedBlock.class, (node, context, html) -> context.renderChildren(node)));
    }

    private void render(WikiLink node, NodeRendererContext context, HtmlWriter html) {
        RenderContext rc = RenderContext.of(node);
        WikiTarget target = node.target();
        if (target.external()) {
            renderExternal(target, html);
        } else if (node.embed()) {
            renderEmbed(node, rc, html);
        } else {
            renderLink(target, rc, html);
        }
    }

    private static void renderExternal(WikiTarget target, HtmlWriter html) {
        String url = target.href();
        String scheme = url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT);
        String display = target.display() != null ? target.display() : url;
        if (!Set.of("http", "https", "mailto").contains(scheme)) {
            html.text(display);
            return;
        }
        html.attr("href", url).attr("class", "external-link").attr("rel", "noopener noreferrer").attr("target", "_blank")
                .withAttr().tag("a");
        html.text(display);
        html.tag("/a");
    }

    private static void renderLink(WikiTarget target, RenderContext rc, HtmlWriter html) {
        Resolution resolution = target.sameNote() ? rc.self() : rc.resolve(target.file());
        String display = target.defaultDisplay();
        if (resolution.resolved()) {
            String url = resolution.isNote() ? SiteUrls.note(resolution.path()) : SiteUrls.file(resolution.path());
            url += SiteUrls.fragment(AnchorIds.anchor(target.anchor()));
            html.attr("href", url).attr("class", "internal-link").attr("data-href", target.href());
        } else {
            html.attr("href", SiteUrls.unresolved(target.file())).attr("class", "internal-link is-unresolved")
                    .attr("data-href", target.href()).attr("title", "No note called \u201c" + target.file() + "\u201d yet");
        }
        html.withAttr().tag("a");
        html.text(display);
        html.tag("/a");
    }

    private static void renderEmbed(WikiLink node, RenderContext rc, HtmlWriter html) {
        WikiTarget target = node.target();
        Resolution resolution = target.sameNote() ? rc.self() : rc.resolve(target.file());
        if (!resolution.resolved()) {
            html.attr("class", "internal-embed is-unresolved").attr("data-src", target.href()).withAttr().tag("span");
            html.text("\u201c" + target.href() + "\u201d could not be found");
            html.tag("/span");
            return;
        }
        if (resolution.isNote()) {
            if (!rc.embedNotes()) {
                renderLink(target, rc, html);
                return;
            }
            rc.embedSlot(new EmbedRef(resolution.path(), target.anchor(), target.href(), target.display(),
                    node.getParent() instanceof EmbedBlock));
            html.raw(String.valueOf(HtmlTemplate.SLOT));
            return;
        }
        String src = SiteUrls.file(resolution.path());
        String path = resolution.path();
        if (SiteUrls.isImage(path)) {
            html.attr("class", "internal-embed image-embed").attr("data-src", target.href()).withAttr().tag("span");
            html.attr("src", src).attr("alt", target.display() != null ? target.display() : target.file())
                    .attr("loading", "lazy");
            if (target.width() != null) {
                html.attr("width", target.width().toString());
            }
            if (target.height() != null) {
                html.attr("height", target.height().toString());
            }
            html.withAttr().tagVoid("img");
            html.tag("/span");
        } else if (SiteUrls.isAudio(path)) {
            html.attr("class", "internal-embed media-embed").attr("controls", "").attr("src", src).withAttr().tag("audio");
            html.tag("/audio");
        } else if (SiteUrls.isVideo(path)) {
            html.attr("class", "internal-embed media-embed").attr("controls", "").attr("src", src);
            if (target.width() != null) {
                html.attr("width", target.width().toString());
            }
            html.withAttr().tag("video");
            html.tag("/video");
        } else {
            html.attr("class", "internal-link internal-embed file-embed").attr("href", src).attr("data-href", target.href())
                    .withAttr().tag("a");
            html.text(target.display() != null ? target.display() : target.file());
            html.tag("/a");
        }
    }

    public static class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new WikiLinkNodeRenderer();
        }
    }
}
