package dev.drillbook.markdown.mdlink;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;

import dev.drillbook.markdown.AnchorIds;
import dev.drillbook.markdown.RenderContext;
import dev.drillbook.markdown.Resolution;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.html.HtmlSanitizer;

import java.util.Set;

/**
 * Points Markdown links and images at the vault: {@code [t](Note.md#Heading)} → the note page and heading id,
 * {@code ![](img/x.png)} → the attachment URL, {@code obsidian://open?…&file=…} → the note when it is in the vault.
 * URLs with a scheme other than http, https or mailto (and {@code data:image/…} for images) are neutralised.
 */
public class VaultLinkResolver implements LinkResolver {

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        if (node instanceof RefNode ref && !ref.isDefined()) {
            return link;
        }
        if (node instanceof MailLink) {
            return link; // the renderer writes "mailto:" + the address
        }
        if (node instanceof AutoLink && link.getUrl().regionMatches(true, 0, "www.", 0, 4)) {
            return link.withUrl("http://" + link.getUrl()); // GFM's extended www autolink
        }
        boolean image = node instanceof Image || node instanceof ImageRef;
        String url = link.getUrl();
        LocalLink local = LocalLink.parse(url);
        if (local == null) {
            if (url.toLowerCase(java.util.Locale.ROOT).startsWith("obsidian:") || !HtmlSanitizer.safeUrl(url, image)) {
                return link.withUrl("#unsafe-link-removed").withStatus(LinkStatus.INVALID);
            }
            return url.indexOf(' ') >= 0 ? link.withUrl(url.replace(" ", "%20")) : link;
        }
        RenderContext rc = RenderContext.of(node);
        String fragment = SiteUrls.fragment(AnchorIds.anchor(local.anchor()));
        if (local.file().isEmpty()) {
            return rc.path() == null ? link.withUrl(fragment) : link.withUrl(SiteUrls.note(rc.path()) + fragment)
                    .withStatus(LinkStatus.VALID);
        }
        Resolution resolution = rc.resolve(local.file());
        if (!resolution.resolved()) {
            if (image) {
                return link;
            }
            ResolvedLink unresolved = link.withUrl(SiteUrls.unresolved(local.file())).withStatus(LinkStatus.NOT_FOUND);
            unresolved.getMutableAttributes().addValue("class", "internal-link is-unresolved");
            return unresolved;
        }
        String target = resolution.isNote() ? SiteUrls.note(resolution.path()) + fragment : SiteUrls.file(resolution.path());
        ResolvedLink resolved = link.withUrl(target).withStatus(LinkStatus.VALID);
        if (!image) {
            resolved.getMutableAttributes().addValue("class", "internal-link");
            resolved.getMutableAttributes().replaceValue("data-href", local.file() + (local.anchor() == null ? "" : "#" + local.anchor()));
        }
        return resolved;
    }

    public static class Factory implements LinkResolverFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new VaultLinkResolver();
        }
    }
}
