package dev.drillbook.markdown.wikilink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wikilink's inner text. {@code [[folder/Note#Heading#Sub|text]]} → file {@code folder/Note},
 * anchor {@code Sub} (the last {@code #} segment wins), display {@code text}. In tables the pipe is written
 * {@code \|}; both forms separate. For embeds a trailing {@code |300} or {@code |300x200} is a size, and the
 * part before it (if any) the alt text.
 *
 * @param file target file text, empty for a link into the same note ({@code [[#Heading]]})
 * @param anchor heading text or {@code ^blockid}, null when absent
 * @param display display (alias) text, null when absent
 * @param width image width for embeds, null when absent
 * @param height image height for embeds, null when absent
 */
public record WikiTarget(String file, String anchor, String display, Integer width, Integer height) {

    private static final Pattern SIZE = Pattern.compile("(\\d+)(?:x(\\d+))?");
    private static final Pattern URL_SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:.*");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("(?i)[a-z]:[\\\\/].*");

    public static WikiTarget parse(String inner, boolean embed) {
        String targetPart = inner;
        String rest = null;
        int pipe = inner.indexOf('|');
        if (pipe >= 0) {
            int targetEnd = pipe > 0 && inner.charAt(pipe - 1) == '\\' ? pipe - 1 : pipe;
            targetPart = inner.substring(0, targetEnd);
            rest = inner.substring(pipe + 1);
        }
        String display = rest;
        Integer width = null;
        Integer height = null;
        if (embed && rest != null) {
            String sizePart = rest;
            String alt = null;
            int lastPipe = rest.lastIndexOf('|');
            if (lastPipe >= 0) {
                sizePart = rest.substring(lastPipe + 1);
                alt = rest.substring(0, lastPipe);
                if (alt.endsWith("\\")) {
                    alt = alt.substring(0, alt.length() - 1);
                }
            }
            Matcher size = SIZE.matcher(sizePart.strip());
            if (size.matches()) {
                width = Integer.valueOf(size.group(1));
                height = size.group(2) == null ? null : Integer.valueOf(size.group(2));
                display = alt;
            }
        }
        String file = targetPart;
        String anchor = null;
        int hash = targetPart.indexOf('#');
        if (hash >= 0) {
            file = targetPart.substring(0, hash);
            String anchors = targetPart.substring(hash + 1);
            anchor = anchors.substring(anchors.lastIndexOf('#') + 1).strip();
            if (anchor.isEmpty()) {
                anchor = null;
            }
        }
        if (display != null && display.isBlank()) {
            display = null;
        }
        return new WikiTarget(file.strip(), anchor, display == null ? null : display.strip(), width, height);
    }

    public boolean sameNote() {
        return file.isEmpty();
    }

    public boolean external() {
        return file.indexOf(':') > 0 && URL_SCHEME.matcher(file).matches() && !WINDOWS_DRIVE.matcher(file).matches();
    }

    public boolean blockAnchor() {
        return anchor != null && anchor.startsWith("^");
    }

    /** What Obsidian shows when there is no display text: {@code Note}, {@code Note > Heading}, {@code Heading}. */
    public String defaultDisplay() {
        if (display != null) {
            return display;
        }
        if (anchor == null) {
            return file;
        }
        return file.isEmpty() ? anchor : file + " > " + anchor;
    }

    /** The link text as Obsidian stores it in {@code data-href}: {@code Note#Heading}. */
    public String href() {
        return anchor == null ? file : file + "#" + anchor;
    }
}
