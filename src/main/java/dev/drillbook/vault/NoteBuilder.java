package dev.drillbook.vault;

import dev.drillbook.markdown.FrontMatter;
import dev.drillbook.markdown.FrontMatterParser;
import dev.drillbook.markdown.MarkdownFacts;
import dev.drillbook.markdown.MarkdownProblem;
import dev.drillbook.markdown.ObsidianMarkdown;
import dev.drillbook.markdown.SiteUrls;
import dev.drillbook.markdown.TextSection;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a note's file into its {@link NoteContent}: front matter first (a real YAML parser), then the body's facts
 * from {@link ObsidianMarkdown}. Never throws: a file that cannot be read, is too large, points outside the vault or
 * breaks the parser becomes a note that says so, and the rest of the vault loads.
 */
public final class NoteBuilder {

    private static final Logger LOG = Logger.getLogger(NoteBuilder.class);

    private final Parser markdown;
    private final long maxBytes;

    /** The facts of a note body; {@link ObsidianMarkdown#facts} (a parameter so a test can make it fail in any way). */
    interface Parser {
        MarkdownFacts facts(String body, int lineOffset);
    }

    /**
     * @param maxBytes larger files are not read (a note of hundreds of MB would exhaust memory); reported instead
     */
    public NoteBuilder(ObsidianMarkdown markdown, long maxBytes) {
        this(markdown::facts, maxBytes);
    }

    NoteBuilder(Parser markdown, long maxBytes) {
        this.markdown = markdown;
        this.maxBytes = maxBytes;
    }

    /** Only the front matter of a file's text (card files, drills and interview formats read it too). */
    public static FrontMatter frontMatter(String text) {
        return FrontMatterParser.parse(ObsidianMarkdown.normalize(text));
    }

    /** Reads and parses {@code file}, a Markdown file under {@code root} (both absolute and normalised). */
    public NoteContent read(Path root, Path file) {
        return read(root, file, null);
    }

    /**
     * Reads {@code file} again; when its bytes hash to those of {@code known} (only its time changed, as after a
     * checkout or a sync) the known facts are kept and the file is not parsed again.
     */
    public NoteContent read(Path root, Path file, NoteContent known) {
        String path = VaultPaths.relative(root, file);
        Instant modified = Instant.EPOCH;
        long size = 0;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            modified = attrs.lastModifiedTime().toInstant();
            size = attrs.size();
            if (!file.toRealPath().startsWith(root.toRealPath())) {
                return failed(path, modified, size, "The file is a link to somewhere outside the vault, so it is not read.");
            }
            if (size > maxBytes) {
                return failed(path, modified, size, String.format(java.util.Locale.ROOT,
                        "The file is %,d bytes, more than the %,d a note may have (drillbook.vault.max-note-size); it is not read.",
                        size, maxBytes));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (known != null && !known.hash().isEmpty() && known.size() == bytes.length
                    && known.hash().equals(sha256(bytes))) {
                return known.touched(modified);
            }
            return build(path, bytes, modified, size);
        } catch (IOException | SecurityException e) {
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return failed(path, modified, size, "The file could not be read (" + reason + ").");
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError || e instanceof OutOfMemoryError)) {
                throw e; // an internal JVM error is not the note's fault
            }
            return broken(path, modified, size, e);
        } catch (Throwable e) {
            // whatever one note does to the parser (an Error from a library included) stays that note's problem
            return broken(path, modified, size, e);
        }
    }

    /** The content of a note whose file holds {@code bytes}. */
    public NoteContent build(String path, byte[] bytes, Instant modified, long size) {
        List<MarkdownProblem> problems = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            problems.add(new MarkdownProblem(MarkdownProblem.UNREADABLE,
                    "The file is not valid UTF-8; characters that could not be decoded show as \ufffd. Re-save it as UTF-8.", null));
        }
        return build(path, text, modified, size, sha256(bytes), problems);
    }

    /** The content of a note whose file holds {@code text} (tests, and callers that already have the text). */
    public NoteContent build(String path, String text, Instant modified, long size) {
        return build(path, text, modified, size, sha256(text.getBytes(StandardCharsets.UTF_8)), new ArrayList<>());
    }

    private NoteContent build(String path, String text, Instant modified, long size, String hash,
            List<MarkdownProblem> problems) {
        FrontMatter fm = frontMatter(text);
        if (fm.problem() != null) {
            problems.add(fm.problem());
        }
        MarkdownFacts facts;
        try {
            facts = markdown.facts(fm.body(), fm.bodyLineOffset());
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal; // out of memory: read() reports the note as unreadable
            }
            // flexmark recurses per nesting level: thousands of nested quotes or lists overflow the stack
            LOG.warnf("%s could not be parsed: %s", path, e);
            facts = plainText(fm.body(), fm.bodyLineOffset());
            problems.add(new MarkdownProblem(MarkdownProblem.UNPARSEABLE, "The Markdown could not be parsed"
                    + (e instanceof StackOverflowError ? " (it nests quotes, lists or callouts too deeply)" : "")
                    + ", so the note is shown as plain text.", null));
        }
        String title = fm.title() != null ? fm.title() : SiteUrls.baseName(path);
        return new NoteContent(path, title, fm.aliases(), fm.tags(), fm.cssClasses(), fm.properties(), facts, problems,
                modified, size, hash);
    }

    private static NoteContent broken(String path, Instant modified, long size, Throwable e) {
        LOG.warnf("%s could not be read: %s", path, e);
        return failed(path, modified, size, "The note could not be read (" + e.getClass().getSimpleName()
                + (e instanceof OutOfMemoryError ? ": it needs more memory than the server has" : "") + ").");
    }

    private static NoteContent failed(String path, Instant modified, long size, String reason) {
        return new NoteContent(path, SiteUrls.baseName(path), List.of(), List.of(), List.of(), Map.of(),
                plainText("", 0), List.of(new MarkdownProblem(MarkdownProblem.UNREADABLE, reason, null)), modified, size, "");
    }

    /** Facts for text that is shown as it is: one section, no links, no headings. */
    static MarkdownFacts plainText(String body, int lineOffset) {
        List<TextSection> sections = body.isBlank() ? List.of() : List.of(new TextSection(null, null, body.strip()));
        return new MarkdownFacts(List.of(), List.of(), List.of(), Map.of(), sections, List.of(), body, lineOffset);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
