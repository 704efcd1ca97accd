package dev.drillbook.markdown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The site's URL scheme for notes, attachments, tags and unresolved links, in one place so that rendered
 * Markdown and the web layer agree. Paths are vault-relative with forward slashes.
 */
public final class SiteUrls {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "avif");
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "wav", "m4a", "ogg", "flac", "webm");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "mkv", "ogv");

    private SiteUrls() {
    }

    /** {@code rag/Retrieval Basics.md} → {@code /notes/rag/Retrieval%20Basics}. */
    public static String note(String path) {
        return "/notes/" + encodePath(stripMarkdownExtension(path));
    }

    /** {@code img/a b.png} → {@code /files/img/a%20b.png}. */
    public static String file(String path) {
        return "/files/" + encodePath(path);
    }

    /** {@code ml/attention} → {@code /tags/ml/attention}. */
    public static String tag(String tag) {
        return "/tags/" + encodePath(tag);
    }

    /** Page that explains an unresolved link and lists the notes that use it. */
    public static String unresolved(String target) {
        return "/unresolved?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Each {@code /}-separated segment form-encoded as {@link URLEncoder} does, with spaces as {@code %20}. Done by
     * hand for ASCII (every link on every page goes through here, and URLEncoder allocates per segment); anything
     * beyond ASCII goes to URLEncoder.
     */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 0x80) {
                return encodeSegments(path);
            }
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '*'
                    || c == '_' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The general case of {@link #encodePath}. */
    static String encodeSegments(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** Fragment for an anchor id: heading ids as they are, block ids keep their caret. */
    public static String fragment(String anchorId) {
        return anchorId == null || anchorId.isEmpty() ? "" : "#" + anchorId;
    }

    public static boolean isMarkdown(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    public static String stripMarkdownExtension(String path) {
        return isMarkdown(path) ? path.substring(0, path.length() - 3) : path;
    }

    /** File name without folders and without {@code .md}: {@code rag/Overview.md} → {@code Overview}. */
    public static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return stripMarkdownExtension(name);
    }

    public static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean isImage(String path) {
        return IMAGE_EXTENSIONS.contains(extension(path));
    }

    public static boolean isAudio(String path) {
        return AUDIO_EXTENSIONS.contains(extension(path));
    }

    public static boolean isVideo(String path) {
        return VIDEO_EXTENSIONS.contains(extension(path));
    }
}
