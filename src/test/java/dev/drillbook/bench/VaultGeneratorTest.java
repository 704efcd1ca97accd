package dev.drillbook.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaultGeneratorTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    private static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\]|#]+)(#\\^?[^\\]|]+)?(?:\\\\?\\|[^\\]]*)?]]");

    @TempDir
    static Path dir;
    static Path vault;
    static Map<String, String> notes;

    @BeforeAll
    static void generate() throws IOException {
        vault = dir.resolve("vault1k");
        VaultGenerator.generate(vault, 1000, 42);
        notes = read(vault);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        VaultGenerator.generate(dir.resolve("a"), 300, 7);
        VaultGenerator.generate(dir.resolve("b"), 300, 7);
        VaultGenerator.generate(dir.resolve("c"), 300, 8);
        assertEquals(hash(dir.resolve("a")), hash(dir.resolve("b")));
        assertNotEquals(hash(dir.resolve("a")), hash(dir.resolve("c")));
        assertEquals(300, read(dir.resolve("a")).size());
    }

    @Test
    void refusesAFolderThatIsNotEmpty() {
        assertThrows(IOException.class, () -> VaultGenerator.generate(vault, 20, 1));
    }

    @Test
    void moreThanTwentyThousandWordsWithZipfFrequencies() {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : notes.values()) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        assertTrue(counts.size() >= 20_000, "distinct words: " + counts.size());
        List<Integer> byRank = counts.values().stream().sorted((a, b) -> b - a).toList();
        // least-squares slope of log(frequency) over log(rank), ranks 10 to 1,000 (the head is flattened on purpose,
        // and the rarest words have too few occurrences to measure)
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int rank = 10; rank <= 1000; rank++) {
            double x = Math.log(rank);
            double y = Math.log(byRank.get(rank - 1));
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertTrue(slope > -1.2 && slope < -0.9, "rank-frequency slope " + slope);
        assertEquals(ZipfVocabulary.SIZE, new java.util.HashSet<>(new ZipfVocabulary(42).all()).size());
    }

    @Test
    void linksResolveExceptAFewAndHubsCollectBacklinks() {
        Map<String, List<String>> byName = new HashMap<>();
        for (String path : notes.keySet()) {
            String noExtension = path.substring(0, path.length() - 3);
            byName.computeIfAbsent(noExtension.substring(noExtension.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(path);
        }
        Map<String, Integer> backlinks = new HashMap<>();
        int links = 0;
        int broken = 0;
        int anchorsChecked = 0;
        for (String text : notes.values()) {
            Matcher m = WIKILINK.matcher(text.replaceAll("(?s)```.*?```", ""));
            while (m.find()) {
                String target = m.group(2).toLowerCase(Locale.ROOT);
                String path = notes.containsKey(m.group(2) + ".md") ? m.group(2) + ".md"
                        : byName.getOrDefault(target, List.of()).size() == 1 ? byName.get(target).get(0) : null;
                if (m.group(1).isEmpty()) {
                    links++;
                    if (path == null) {
                        broken++;
                        continue;
                    }
                    backlinks.merge(path, 1, Integer::sum);
                }
                if (path != null && m.group(3) != null) {
                    // a heading or a block id that the target note has
                    String anchor = m.group(3).startsWith("#^") ? "^" + m.group(3).substring(2) : "# " + m.group(3).substring(1);
                    assertTrue(notes.get(path).contains(anchor), m.group() + " -> " + path);
                    anchorsChecked++;
                }
            }
        }
        assertTrue(links > 5000, "links: " + links);
        assertTrue(broken > 0 && broken < links * 0.03, broken + " of " + links + " broken");
        assertTrue(anchorsChecked > 200, "links to headings and blocks: " + anchorsChecked);
        List<Integer> counts = backlinks.values().stream().sorted((a, b) -> b - a).toList();
        int median = counts.get(counts.size() / 2);
        assertTrue(counts.get(0) >= 10 * median, "most backlinks " + counts.get(0) + ", median " + median);
    }

    @Test
    void hasTheSyntaxOfRealVaults() throws IOException {
        String all = String.join("\n", notes.values());
        Map<String, String> syntax = new LinkedHashMap<>();
        syntax.put("front matter with tags", "(?m)^---\\ntags:");
        syntax.put("aliases", "(?m)^aliases:");
        syntax.put("a front matter title", "(?m)^title: ");
        syntax.put("dates", "(?m)^created: \\d{4}-\\d\\d-\\d\\d$");
        syntax.put("a link in a property", "(?m)^source: \"\\[\\[");
        syntax.put("headings of levels 1 to 4", "(?s)(?m)^# .*^## .*^### .*^#### ");
        syntax.put("a nested list", "(?m)^(\\t|    )- ");
        syntax.put("tasks", "(?m)^- \\[[ x]] ");
        syntax.put("a numbered list", "(?m)^2\\. ");
        syntax.put("a table", "(?m)^\\|( :?---:? \\|)+$");
        syntax.put("fenced code", "(?m)^```python$");
        syntax.put("display math", "(?m)^\\$\\$$");
        syntax.put("inline math", " \\$[^ $][^$]*\\$");
        syntax.put("a callout", "(?m)^> \\[!\\w+][-+]? ");
        syntax.put("a nested callout", "(?m)^> > \\[!");
        syntax.put("a highlight", "==\\p{L}+ \\p{L}+==");
        syntax.put("a block id", " \\^[a-z0-9-]{6,}$|(?m)^\\^[a-z0-9-]+$");
        syntax.put("an inline nested tag", " #\\p{L}+/\\p{L}+");
        syntax.put("a link with display text", "\\[\\[[^\\]|]+\\|[^\\]]+]]");
        syntax.put("a link to a heading", "\\[\\[[^\\]#]+#[^^\\]][^\\]]*]]");
        syntax.put("a link to a block", "\\[\\[[^\\]#]+#\\^[a-z0-9-]+]]");
        syntax.put("a link by folder path", "\\[\\[[^\\]/|]+/[^\\]]+]]");
        syntax.put("an embedded note", "(?m)^!\\[\\[[^\\]#.]+]]$");
        syntax.put("an embedded section", "(?m)^!\\[\\[[^\\]]+#[^^][^\\]]*]]$");
        syntax.put("an embedded image", "!\\[\\[[^\\]]+\\.png(\\|\\d+)?]]");
        syntax.put("a Markdown link to a note", "]\\([^)]+\\.md\\)");
        syntax.put("an external link", "]\\(https://example\\.com/");
        syntax.put("a footnote", "(?m)^\\[\\^1]: ");
        syntax.put("a comment", "%%\\p{L}+ \\p{L}+%%");
        for (Map.Entry<String, String> e : syntax.entrySet()) {
            assertTrue(Pattern.compile(e.getValue(), Pattern.MULTILINE).matcher(all).find(), "no " + e.getKey());
        }
        assertTrue(notes.keySet().stream().anyMatch(p -> p.startsWith("Daily/")), "daily notes");
        assertTrue(notes.keySet().stream().anyMatch(p -> p.chars().filter(c -> c == '/').count() >= 3), "nested folders");
        try (Stream<Path> files = Files.walk(vault)) {
            List<Path> images = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertTrue(images.size() >= 4, "attachments: " + images.size());
            byte[] png = Files.readAllBytes(images.get(0));
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
            assertTrue(javax.imageio.ImageIO.read(images.get(0).toFile()) != null, "a readable PNG");
        }
    }

    /** Vault-relative path → text of every note. */
    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                texts.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return texts;
    }

    /** SHA-256 over every file's relative path and bytes, in path order. */
    private static String hash(Path root) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
