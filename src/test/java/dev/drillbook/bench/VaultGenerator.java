package dev.drillbook.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A synthetic Obsidian vault for benchmarks, the same bytes for the same seed and size.
 *
 * <p>Text is drawn from a {@link ZipfVocabulary} of 50,000 pseudo-words. The structure follows what real vaults
 * have: nested folders of uneven sizes, daily notes, a few templates, folder notes that list their folder (maps of
 * content), front matter (title sometimes, tags, aliases, dates and other properties), headings of several levels,
 * paragraphs of varied length, lists, nested lists and tasks, tables, fenced code, inline and display math, callouts,
 * highlights, comments, footnotes, block ids, inline and nested tags, wikilinks with display text, headings and
 * block references, Markdown links, embeds of notes, sections, blocks and images (small PNG attachments). Links
 * follow preferential attachment, so a few hub notes collect many backlinks; about one link in a hundred is
 * broken, and a few file names repeat in different folders (those links use the folder path, as Obsidian writes
 * them).
 *
 * <p>Usage: {@code java -cp target/test-classes dev.drillbook.bench.VaultGenerator <empty-folder> <notes> [seed]}
 * (after {@code ./mvnw -o test-compile}).
 */
public final class VaultGenerator {

    /** Changes whenever the output for a seed and size changes, so a benchmark regenerates a vault it kept. */
    static final int VERSION = 2;

    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    /** Content words (titles, headings, tags) come from past the commonest ranks, as nouns do in real text. */
    private static final int CONTENT_RANK = 120;
    private static final String[] EMOJI = {"📚", "🧠", "🌱", "🔥", "✅", "🗂"};
    private static final String[] CALLOUTS = {"note", "tip", "info", "warning", "example", "quote", "abstract", "todo",
        "important", "question", "danger", "bug", "success", "faq", "caution"};
    private static final String[] LANGUAGES = {"java", "python", "sql", "bash", "yaml", "json", "js", "", "go", "rust"};
    private static final String[] STATUS = {"draft", "seedling", "budding", "evergreen", "done", "archived"};

    enum Kind { NOTE, MAP, DAILY, TEMPLATE }

    record Heading(int level, String text) {
    }

    /** Everything other notes need to know about a note before any text is written: where it is, what can be linked. */
    static final class Planned {
        final Kind kind;
        final String folder;
        String name;
        final List<String> aliases = new ArrayList<>();
        final List<Heading> headings = new ArrayList<>();
        final List<String> blockIds = new ArrayList<>();
        int words;
        int[] links = new int[0];
        int[] embeds = new int[0];
        int image = -1;

        Planned(Kind kind, String folder) {
            this.kind = kind;
            this.folder = folder;
        }

        String path() {
            return (folder.isEmpty() ? "" : folder + "/") + name + ".md";
        }
    }

    /** What was written: for the command line and for tests. */
    public record Summary(int notes, int folders, int attachments, long bytes, int links, int brokenLinks, int mostBacklinks) {
    }

    private final long seed;
    private final int size;
    private final ZipfVocabulary words;
    private final List<String> folders = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private final List<Planned> notes = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: VaultGenerator <empty-or-new-folder> <notes> [seed, default 42]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Summary s = generate(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 42);
        System.out.printf(Locale.ROOT, "%,d notes in %,d folders, %d attachments, %.1f MB, %,d wikilinks (%,d broken), "
                + "most backlinks %,d; %.1f s%n", s.notes(), s.folders(), s.attachments(), s.bytes() / 1e6, s.links(),
                s.brokenLinks(), s.mostBacklinks(), (System.nanoTime() - started) / 1e9);
    }

    /** Writes a vault of {@code size} notes into {@code folder}, which must be empty or absent. */
    public static Summary generate(Path folder, int size, long seed) throws IOException {
        if (size < 10) {
            throw new IllegalArgumentException("at least 10 notes");
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not empty: the generator writes only into an empty or new folder");
                }
            }
        }
        return new VaultGenerator(size, seed).write(folder);
    }

    private VaultGenerator(int size, long seed) {
        this.size = size;
        this.seed = seed;
        this.words = new ZipfVocabulary(seed);
        Random random = new Random(mix(seed, -1));
        planFolders(random);
        planTags(random);
        planImages(random);
        planNotes(random);
        planLinks(random);
    }

    // ---- planning -------------------------------------------------------------------------------------------------

    private void planFolders(Random random) {
        int wanted = Math.max(6, size / 80);
        int top = Math.min(20, 5 + size / 4000);
        Set<String> used = new HashSet<>();
        while (folders.size() < wanted) {
            String parent = "";
            if (folders.size() >= top) {
                parent = folders.get(random.nextInt(folders.size()));
                if (parent.chars().filter(c -> c == '/').count() >= 3) {
                    continue;  // at most four levels
                }
            }
            String name = folderName(random, parent.isEmpty());
            String path = parent.isEmpty() ? name : parent + "/" + name;
            if (used.add(path.toLowerCase(Locale.ROOT))) {
                folders.add(path);
            }
        }
    }

    private String folderName(Random random, boolean top) {
        String name = title(random, 1 + random.nextInt(2));
        int style = random.nextInt(20);
        if (top && style < 4) {
            return String.format(Locale.ROOT, "%02d %s", random.nextInt(20), name);
        }
        if (style == 4) {
            return name + " & " + ZipfVocabulary.capitalized(words.contentWord(random, CONTENT_RANK));
        }
        if (style == 5) {
            return EMOJI[random.nextInt(EMOJI.length)] + " " + name;
        }
        return name;
    }

    private void planTags(Random random) {
        int count = Math.max(20, size / 40);
        Set<String> seen = new HashSet<>();
        while (tags.size() < count) {
            String tag = words.contentWord(random, CONTENT_RANK);
            int style = random.nextInt(20);
            if (tags.size() > 12 && style < 6) {
                tag = tags.get(random.nextInt(12)) + "/" + tag;  // nested under one of the first (broad) tags
                if (style == 0) {
                    tag += "/" + words.contentWord(random, CONTENT_RANK);
                }
            } else if (style == 7) {
                tag += "-" + words.contentWord(random, CONTENT_RANK);
            }
            if (seen.add(tag)) {
                tags.add(tag);
            }
        }
    }

    /** A tag, the first ones (broad topics) far more often than the last. */
    private String tag(Random random) {
        double u = random.nextDouble();
        return tags.get((int) (tags.size() * u * u * u));
    }

    private void planImages(Random random) {
        int count = Math.max(4, size / 100);
        Set<String> seen = new HashSet<>();
        while (images.size() < count) {
            String name = random.nextInt(5) < 2
                    ? String.format(Locale.ROOT, "Pasted image %s%02d%02d%02d.png",
                            FIRST_DAY.plusDays(random.nextInt(900)).toString().replace("-", ""),
                            random.nextInt(24), random.nextInt(60), random.nextInt(60))
                    : words.contentWord(random, CONTENT_RANK) + "-" + words.contentWord(random, CONTENT_RANK) + ".png";
            String folder = random.nextInt(5) == 0 ? folders.get(random.nextInt(folders.size())) : "attachments";
            if (seen.add(name)) {
                images.add(folder + "/" + name);
            }
        }
    }

    private void planNotes(Random random) {
        double[] weights = new double[folders.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            // uneven folder sizes, and fewer notes the deeper a folder is
            long depth = folders.get(i).chars().filter(c -> c == '/').count();
            total += StrictMath.exp(random.nextGaussian() * 1.1) * StrictMath.pow(0.5, depth);
            weights[i] = total;
        }
        int daily = size / 20;
        int templates = 3;
        Set<String> names = new HashSet<>();
        LocalDate day = FIRST_DAY;
        for (int i = 0; i < size; i++) {
            Planned note;
            if (i < daily) {
                day = day.plusDays(1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0));
                note = new Planned(Kind.DAILY, "Daily/" + day.getYear());
                note.name = day.toString();
                note.headings.add(new Heading(2, "Tasks"));
                note.headings.add(new Heading(2, "Log"));
                note.words = 40 + random.nextInt(160);
            } else if (i < daily + templates) {
                note = new Planned(Kind.TEMPLATE, "Templates");
                note.name = title(random, 1) + " template";
            } else {
                String folder = random.nextInt(50) == 0 ? ""
                        : folders.get(Math.min(folders.size() - 1, -Arrays.binarySearch(weights, random.nextDouble() * total) - 1));
                note = new Planned(Kind.NOTE, folder);
                if (random.nextInt(250) == 0 && notes.size() > daily + templates) {
                    // the same file name in another folder: links to either must say which
                    note.name = notes.get(daily + templates + random.nextInt(notes.size() - daily - templates)).name;
                } else {
                    do {
                        note.name = noteName(random);
                    } while (nameCounts.containsKey(note.name.toLowerCase(Locale.ROOT)));
                }
                note.words = (int) Math.min(8000, Math.max(15, 260 * StrictMath.exp(random.nextGaussian() * 0.85)));
                planOutline(note, random);
            }
            if (!names.add((note.folder + "/" + note.name).toLowerCase(Locale.ROOT)) || note.kind != Kind.NOTE
                    && nameCounts.containsKey(note.name.toLowerCase(Locale.ROOT))) {
                note.name = note.name + " " + (i + 1);
                names.add((note.folder + "/" + note.name).toLowerCase(Locale.ROOT));
            }
            nameCounts.merge(note.name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            notes.add(note);
        }
        // a folder note (map of content) for about half of the folders with enough notes in them
        Map<String, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i).kind == Kind.NOTE) {
                byFolder.computeIfAbsent(notes.get(i).folder, f -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<String, List<Integer>> folder : byFolder.entrySet()) {
            List<Integer> members = folder.getValue();
            if (folder.getKey().isEmpty() || members.size() < 8 || random.nextBoolean()) {
                continue;
            }
            Planned old = notes.get(members.get(0));
            Planned map = new Planned(Kind.MAP, folder.getKey());
            String base = folder.getKey().substring(folder.getKey().lastIndexOf('/') + 1);
            map.name = nameCounts.containsKey(base.toLowerCase(Locale.ROOT)) ? base + " MOC" : base;
            nameCounts.merge(old.name.toLowerCase(Locale.ROOT), -1, Integer::sum);
            nameCounts.merge(map.name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            map.words = 60 + random.nextInt(200);
            int sections = 1 + Math.min(8, members.size() / 12);
            for (int s = 0; s < sections; s++) {
                map.headings.add(new Heading(2, title(random, 1 + random.nextInt(3))));
            }
            List<Integer> listed = new ArrayList<>(members.subList(1, members.size()));
            java.util.Collections.shuffle(listed, random);
            map.links = listed.stream().limit(150).mapToInt(Integer::intValue).toArray();
            notes.set(members.get(0), map);
        }
    }

    private String noteName(Random random) {
        String name = title(random, 1 + random.nextInt(4));
        switch (random.nextInt(40)) {
            case 0, 1 -> name = name + " & " + title(random, 1);
            case 2 -> name = name + " (" + words.contentWord(random, CONTENT_RANK) + ")";
            case 3 -> name = (1 + random.nextInt(9)) + ". " + name;
            case 4 -> name = name + " " + EMOJI[random.nextInt(EMOJI.length)];
            case 5 -> name = name + ", " + words.contentWord(random, CONTENT_RANK);
            case 6, 7 -> name = name.toLowerCase(Locale.ROOT);
            case 8 -> name = name.replace(' ', '-');
            default -> {
            }
        }
        return name;
    }

    private void planOutline(Planned note, Random random) {
        int headings = Math.min(40, note.words / 90 + (random.nextInt(3) == 0 ? 1 : 0));
        Set<String> seen = new HashSet<>();
        int level = 2;
        for (int h = 0; h < headings; h++) {
            level = h == 0 ? 2 : Math.max(2, Math.min(6, level + (random.nextInt(10) < 3 ? 1 : random.nextInt(10) < 4 ? -1 : 0)));
            String text = title(random, 1 + random.nextInt(4));
            if (random.nextInt(15) == 0) {
                text = "What is " + text.toLowerCase(Locale.ROOT) + "?";
            } else if (random.nextInt(20) == 0) {
                text = (h + 1) + ". " + text;
            }
            if (seen.add(text.toLowerCase(Locale.ROOT))) {
                note.headings.add(new Heading(level, text));
            }
        }
        if (random.nextInt(10) < 3) {
            for (int b = 1 + random.nextInt(3); b > 0; b--) {
                String id = random.nextInt(3) == 0 ? words.contentWord(random, CONTENT_RANK) + "-" + words.contentWord(random, CONTENT_RANK)
                        : randomId(random);
                if (!note.blockIds.contains(id) && id.matches("[a-z0-9-]+")) {
                    note.blockIds.add(id);
                }
            }
        }
        if (random.nextInt(4) == 0) {
            List<String> title = Arrays.asList(note.name.split(" "));
            if (title.size() >= 2 && random.nextBoolean()) {
                StringBuilder initials = new StringBuilder();
                title.forEach(w -> initials.append(w.isEmpty() ? "" : Character.toUpperCase(w.charAt(0))));
                note.aliases.add(initials.toString());
            } else {
                note.aliases.add(title(random, 1 + random.nextInt(3)));
            }
            if (random.nextInt(4) == 0) {
                note.aliases.add(words.contentWord(random, CONTENT_RANK));
            }
            note.aliases.removeIf(a -> nameCounts.containsKey(a.toLowerCase(Locale.ROOT)) || !a.matches(".*\\p{L}.*"));
        }
    }

    /**
     * Outgoing links by preferential attachment, note after note in a random order: a link goes to a note of the
     * same folder, to one of the notes so far drawn in proportion to one plus the links it has received, or to any
     * note (so links also point forward); a few early notes become hubs.
     */
    private void planLinks(Random random) {
        int[] urn = new int[size * 12];
        int urnSize = 0;
        Map<String, List<Integer>> byFolder = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (notes.get(i).kind == Kind.NOTE) {
                byFolder.computeIfAbsent(notes.get(i).folder, f -> new ArrayList<>()).add(i);
            }
        }
        int[] order = IntStream.range(0, size).toArray();
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i : order) {
            Planned note = notes.get(i);
            if (note.kind == Kind.NOTE || note.kind == Kind.MAP) {
                urn[urnSize++] = i;  // notes join the urn one by one, so the early ones have time to become hubs
            }
            int count = switch (note.kind) {
                case NOTE -> (int) Math.min(60, Math.round(5 * StrictMath.exp(random.nextGaussian() * 0.7)));
                case DAILY -> 1 + random.nextInt(4);
                case MAP, TEMPLATE -> 0;
            };
            int[] links = new int[count];
            for (int k = 0; k < count; k++) {
                int roll = random.nextInt(100);
                List<Integer> sameFolder = byFolder.get(note.folder);
                int target;
                if (roll < 1) {
                    target = -1;  // broken
                } else if (roll < 25 && sameFolder != null && sameFolder.size() > 1) {
                    target = sameFolder.get(random.nextInt(sameFolder.size()));
                } else if (roll < 92 && urnSize > 0) {
                    target = urn[random.nextInt(urnSize)];
                } else {
                    target = random.nextInt(size);
                }
                if (target == i || target >= 0 && notes.get(target).kind == Kind.TEMPLATE) {
                    k--;
                    continue;
                }
                links[k] = target;
                if (target >= 0 && urnSize < urn.length) {
                    urn[urnSize++] = target;
                }
            }
            note.links = note.kind == Kind.MAP ? note.links : links;
            if (note.kind == Kind.NOTE) {
                int embeds = random.nextInt(20) < 5 ? 1 + (random.nextInt(5) == 0 ? 1 : 0) : 0;
                note.embeds = new int[embeds];
                for (int e = 0; e < embeds; e++) {
                    int target = random.nextInt(size);
                    note.embeds[e] = target == i || notes.get(target).kind != Kind.NOTE ? -1 : target;
                }
                note.image = random.nextInt(8) == 0 ? random.nextInt(images.size()) : -1;
            }
        }
    }

    /** Six letters and digits, as Obsidian makes a block id. */
    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        for (int c = 0; c < 6; c++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }

    private String title(Random random, int count) {
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                title.append(' ');
            }
            String word = words.contentWord(random, CONTENT_RANK);
            title.append(w == 0 || random.nextInt(3) > 0 ? ZipfVocabulary.capitalized(word) : word);
        }
        return title.toString();
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    private Summary write(Path root) throws IOException {
        Files.createDirectories(root.resolve(".obsidian"));
        Files.writeString(root.resolve(".obsidian/app.json"), "{\n  \"attachmentFolderPath\": \"attachments\",\n"
                + "  \"newFileLocation\": \"current\"\n}\n");
        Files.createDirectories(root.resolve("attachments"));
        for (Planned n : notes) {
            Files.createDirectories(root.resolve(n.folder.isEmpty() ? "." : n.folder));
        }
        for (String folder : folders) {
            Files.createDirectories(root.resolve(folder));
        }
        long bytes = 0;
        for (int i = 0; i < images.size(); i++) {
            Random random = new Random(mix(seed, size + i));
            byte[] png = TinyPng.gradient(8 + random.nextInt(57), 8 + random.nextInt(57), random.nextInt(1 << 24), random.nextInt(1 << 24));
            Files.write(root.resolve(images.get(i)), png);
            bytes += png.length;
        }
        long[] written = IntStream.range(0, size).parallel().mapToLong(i -> {
            NoteWriter writer = new NoteWriter(i);
            byte[] text = writer.text().getBytes(StandardCharsets.UTF_8);
            Path file = root.resolve(notes.get(i).path());
            try {
                Files.write(file, text);
                Files.setLastModifiedTime(file, FileTime.from(writer.modified.toInstant(ZoneOffset.UTC)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.length;
        }).toArray();
        bytes += Arrays.stream(written).sum();
        int links = 0;
        int broken = 0;
        int[] backlinks = new int[size];
        for (Planned n : notes) {
            for (int t : n.links) {
                links++;
                if (t < 0) {
                    broken++;
                } else {
                    backlinks[t]++;
                }
            }
        }
        return new Summary(size, folders.size(), images.size(), bytes, links, broken, Arrays.stream(backlinks).max().orElse(0));
    }

    /** One note's text, from its own random stream (so notes can be written in any order, or in parallel). */
    private final class NoteWriter {

        private final Planned note;
        private final Random random;
        private final StringBuilder out = new StringBuilder(4096);
        private final Deque<Integer> links;
        private final Deque<String> blockIds;
        private final List<String> footnotes = new ArrayList<>();
        private int wordsLeft;
        LocalDateTime modified;

        NoteWriter(int index) {
            note = notes.get(index);
            random = new Random(mix(seed, index));
            links = new ArrayDeque<>();
            Arrays.stream(note.links).forEach(links::add);
            blockIds = new ArrayDeque<>(note.blockIds);
            wordsLeft = note.words;
            modified = FIRST_DAY.atTime(9, 0).plusMinutes(random.nextInt(60 * 24 * 1000));
        }

        String text() {
            switch (note.kind) {
                case TEMPLATE -> template();
                case DAILY -> daily();
                case MAP -> map();
                case NOTE -> note();
            }
            return out.toString();
        }

        private void template() {
            out.append("---\ncreated: \"{{date}}\"\ntags: [template]\nstatus: draft\n---\n# {{title}}\n\n");
            out.append("## ").append(title(random, 2)).append("\n\n- \n\n## Links\n\n- Related: \n");
        }

        private void daily() {
            out.append("---\ndate: ").append(note.name).append("\ntags: [daily]\n---\n");
            modified = LocalDate.parse(note.name).atTime(18, random.nextInt(60));
            out.append("## Tasks\n\n");
            for (int t = 1 + random.nextInt(5); t > 0; t--) {
                out.append("- [").append(random.nextBoolean() ? 'x' : ' ').append("] ");
                sentence(3 + random.nextInt(8), false);
                out.append('\n');
            }
            out.append("\n## Log\n\n");
            while (wordsLeft > 0 || !links.isEmpty()) {
                out.append("- ");
                sentence(5 + random.nextInt(15), true);
                out.append('\n');
            }
        }

        private void map() {
            frontMatter();
            paragraph(1 + random.nextInt(2));
            int perSection = Math.max(1, (links.size() + note.headings.size() - 1) / note.headings.size());
            for (Heading h : note.headings) {
                out.append("\n## ").append(h.text()).append("\n\n");
                for (int k = 0; k < perSection && !links.isEmpty(); k++) {
                    out.append("- ").append(wikilink(links.poll(), false));
                    if (random.nextInt(3) == 0) {
                        out.append(" — ");
                        sentence(4 + random.nextInt(8), false);
                    }
                    out.append('\n');
                }
            }
        }

        private void note() {
            boolean frontMatter = random.nextInt(100) < 85;
            if (frontMatter) {
                frontMatter();
            }
            if (random.nextInt(10) < 4) {
                out.append("# ").append(note.name).append("\n\n");
            }
            int sections = note.headings.size() + 1;
            int perSection = Math.max(10, note.words / sections);
            section(perSection);
            for (Heading h : note.headings) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                section(perSection);
            }
            for (int e : note.embeds) {
                out.append(embed(e)).append("\n\n");
            }
            if (note.image >= 0) {
                out.append(image(images.get(note.image))).append("\n\n");
            }
            while (!blockIds.isEmpty()) {
                paragraph(1);
            }
            if (!links.isEmpty()) {
                out.append(random.nextBoolean() ? "Related:\n" : "## See also\n\n");
                while (!links.isEmpty()) {
                    out.append("- ").append(wikilink(links.poll(), random.nextInt(5) == 0)).append('\n');
                }
                out.append('\n');
            }
            for (int f = 0; f < footnotes.size(); f++) {
                out.append("[^").append(f + 1).append("]: ").append(footnotes.get(f)).append('\n');
            }
        }

        private void frontMatter() {
            out.append("---\n");
            if (random.nextInt(100) < 15) {
                out.append("title: ").append(yaml(note.name + (random.nextBoolean() ? "" : ": " + title(random, 2)))).append('\n');
            }
            if (!note.aliases.isEmpty()) {
                yamlList("aliases", note.aliases);
            }
            int tagCount = random.nextInt(10) < 7 ? 1 + random.nextInt(4) : 0;
            if (tagCount > 0) {
                Set<String> chosen = new java.util.LinkedHashSet<>();
                for (int t = 0; t < tagCount; t++) {
                    chosen.add(tag(random));
                }
                if (random.nextInt(20) == 0) {
                    out.append("tags: ").append(String.join(" ", chosen)).append('\n');
                } else {
                    yamlList("tags", new ArrayList<>(chosen));
                }
            }
            LocalDateTime created = modified.minusDays(random.nextInt(400));
            if (random.nextInt(10) < 6) {
                out.append("created: ").append(created.toLocalDate()).append('\n');
            }
            if (random.nextInt(10) < 3) {
                out.append("updated: ").append(modified.withSecond(0)).append('\n');
            }
            if (random.nextInt(5) == 0) {
                out.append("status: ").append(STATUS[random.nextInt(STATUS.length)]).append('\n');
            }
            if (random.nextInt(20) == 0) {
                out.append("rating: ").append(1 + random.nextInt(5)).append('\n');
            }
            if (random.nextInt(12) == 0) {
                out.append("source: \"").append(wikilink(random.nextInt(size) == 0 ? -1 : anyNote(), false).replace("\"", "\\\""))
                        .append("\"\n");
            }
            if (random.nextInt(20) == 0) {
                out.append("url: https://example.org/").append(words.contentWord(random, CONTENT_RANK)).append('\n');
            }
            if (random.nextInt(20) == 0) {
                out.append("publish: ").append(random.nextBoolean()).append('\n');
            }
            if (random.nextInt(30) == 0) {
                out.append("cssclasses: [wide-page]\n");
            }
            out.append("---\n");
        }

        private int anyNote() {
            int target = random.nextInt(size);
            return notes.get(target).kind == Kind.TEMPLATE ? -1 : target;
        }

        private void yamlList(String key, List<String> values) {
            if (random.nextBoolean()) {
                out.append(key).append(": [");
                for (int v = 0; v < values.size(); v++) {
                    out.append(v > 0 ? ", " : "").append(yaml(values.get(v)));
                }
                out.append("]\n");
            } else {
                out.append(key).append(":\n");
                values.forEach(v -> out.append("  - ").append(yaml(v)).append('\n'));
            }
        }

        /** Blocks until about {@code budget} words are written. */
        private void section(int budget) {
            int target = Math.max(0, wordsLeft - budget);
            do {
                int roll = random.nextInt(100);
                if (roll < 50) {
                    paragraph(1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 5));
                } else if (roll < 62) {
                    list("- ", false);
                } else if (roll < 67) {
                    list("1. ", false);
                } else if (roll < 70) {
                    list("- [ ] ", false);
                } else if (roll < 76) {
                    list(random.nextBoolean() ? "- " : "* ", true);
                } else if (roll < 80) {
                    table();
                } else if (roll < 85) {
                    code();
                } else if (roll < 87) {
                    displayMath();
                } else if (roll < 93) {
                    callout();
                } else if (roll < 95) {
                    out.append("> ");
                    sentence(8 + random.nextInt(20), true);
                    out.append("\n\n");
                } else {
                    paragraph(2);
                }
            } while (wordsLeft > target);
        }

        private void paragraph(int sentences) {
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    out.append(random.nextInt(12) == 0 ? "\n" : " ");
                }
                sentence(4 + random.nextInt(random.nextInt(4) == 0 ? 30 : 16), true);
            }
            blockId();
            out.append("\n\n");
        }

        private void blockId() {
            if (!blockIds.isEmpty() && random.nextInt(4) == 0 || !blockIds.isEmpty() && wordsLeft <= 0) {
                out.append(" ^").append(blockIds.poll());
            }
        }

        private void list(String marker, boolean nested) {
            int items = 2 + random.nextInt(6);
            String indent = random.nextBoolean() ? "\t" : "    ";
            for (int i = 0; i < items; i++) {
                String m = marker.startsWith("1.") ? (i + 1) + ". " : marker.startsWith("- [") ? "- [" + (random.nextBoolean() ? 'x' : ' ') + "] " : marker;
                out.append(m);
                sentence(2 + random.nextInt(12), true);
                out.append('\n');
                if (nested && random.nextInt(3) > 0) {
                    for (int sub = 1 + random.nextInt(3); sub > 0; sub--) {
                        out.append(indent).append("- ");
                        sentence(2 + random.nextInt(10), true);
                        out.append('\n');
                        if (random.nextInt(6) == 0) {
                            out.append(indent).append(indent).append("- ");
                            sentence(2 + random.nextInt(6), false);
                            out.append('\n');
                        }
                    }
                }
            }
            if (!blockIds.isEmpty() && random.nextInt(6) == 0) {
                out.append("\n^").append(blockIds.poll()).append('\n');  // names the list
            }
            out.append('\n');
        }

        private void table() {
            int columns = 2 + random.nextInt(4);
            int rows = 2 + random.nextInt(7);
            out.append('|');
            for (int c = 0; c < columns; c++) {
                out.append(' ').append(title(random, 1)).append(" |");
            }
            out.append("\n|");
            for (int c = 0; c < columns; c++) {
                out.append(switch (random.nextInt(6)) {
                    case 0 -> " :--- |";
                    case 1 -> " :---: |";
                    case 2 -> " ---: |";
                    default -> " --- |";
                });
            }
            out.append('\n');
            for (int r = 0; r < rows; r++) {
                out.append('|');
                for (int c = 0; c < columns; c++) {
                    out.append(' ');
                    int cell = random.nextInt(12);
                    if (cell == 0 && !links.isEmpty()) {
                        out.append(wikilink(links.poll(), false).replace("|", "\\|"));
                    } else if (cell == 1) {
                        out.append(random.nextInt(1000));
                    } else if (cell == 2) {
                        out.append('`').append(words.word(random)).append('`');
                    } else {
                        out.append(words.word(random));
                        if (random.nextBoolean()) {
                            out.append(' ').append(words.word(random));
                        }
                        wordsLeft -= 2;
                    }
                    out.append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }

        private void code() {
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            String fence = random.nextInt(10) == 0 ? "~~~" : "```";
            out.append(fence).append(language).append('\n');
            int depth = 0;
            for (int line = 2 + random.nextInt(12); line > 0; line--) {
                out.append("    ".repeat(depth));
                String a = words.word(random);
                String b = words.word(random);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        out.append(language.equals("python") ? "def " + a + "_" + b + "(x):" : a + "(" + b + ") {");
                        depth = Math.min(3, depth + 1);
                    }
                    case 1 -> out.append(a).append(" = ").append(b).append('(').append(random.nextInt(100)).append(')');
                    case 2 -> out.append("return ").append(a).append('.').append(b);
                    case 3 -> out.append("SELECT ").append(a).append(" FROM ").append(b).append(" WHERE id = ").append(random.nextInt(99));
                    case 4 -> out.append("# ").append(a).append(' ').append(b).append(' ').append(words.word(random));
                    default -> {
                        out.append(a).append(": ").append(b);
                        depth = Math.max(0, depth - 1);
                    }
                }
                out.append('\n');
                wordsLeft -= 2;
            }
            out.append(fence).append("\n\n");
        }

        private void displayMath() {
            String x = String.valueOf((char) ('a' + random.nextInt(26)));
            int n = 2 + random.nextInt(20);
            String tex = switch (random.nextInt(6)) {
                case 0 -> "\\sum_{i=1}^{n} " + x + "_i^2 = " + n;
                case 1 -> "\\int_0^{\\infty} e^{-" + x + " t}\\, dt = \\frac{1}{" + x + "}";
                case 2 -> "P(" + x.toUpperCase(Locale.ROOT) + " \\mid B) = \\frac{P(B \\mid " + x.toUpperCase(Locale.ROOT)
                        + ")\\,P(" + x.toUpperCase(Locale.ROOT) + ")}{P(B)}";
                case 3 -> "\\begin{aligned}\n" + x + " &= b + " + n + " \\\\\n" + x + "' &= \\sqrt{" + x + "^2 + 1}\n\\end{aligned}";
                case 4 -> "\\mathbf{A}\\mathbf{" + x + "} = \\mathbf{b}, \\quad \\lVert " + x + " \\rVert \\le " + n;
                default -> "T(n) = " + n + " T\\left(\\frac{n}{2}\\right) + O(n \\log n)";
            };
            out.append(random.nextInt(5) == 0 ? "$$" + tex.replace('\n', ' ') + "$$\n\n" : "$$\n" + tex + "\n$$\n\n");
        }

        private void callout() {
            out.append("> [!").append(CALLOUTS[random.nextInt(CALLOUTS.length)]).append(']')
                    .append(random.nextInt(5) == 0 ? (random.nextBoolean() ? "-" : "+") : "");
            if (random.nextBoolean()) {
                out.append(' ').append(title(random, 1 + random.nextInt(4)));
            }
            out.append('\n');
            for (int line = 1 + random.nextInt(3); line > 0; line--) {
                out.append("> ");
                if (random.nextInt(4) == 0) {
                    out.append("- ");
                }
                sentence(5 + random.nextInt(20), true);
                out.append('\n');
            }
            if (random.nextInt(15) == 0) {
                out.append(">\n> > [!").append(CALLOUTS[random.nextInt(CALLOUTS.length)]).append("]\n> > ");
                sentence(4 + random.nextInt(10), false);
                out.append('\n');
            }
            out.append('\n');
        }

        /**
         * A sentence of {@code length} words; with {@code inline}, planned links are spread over the note's
         * sentences and some words carry inline syntax.
         */
        private void sentence(int length, boolean inline) {
            double linkChance = links.isEmpty() ? 0 : Math.min(0.8, (double) links.size() * length / Math.max(1, wordsLeft));
            int linkAt = inline && random.nextDouble() < linkChance ? random.nextInt(length) : -1;
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    out.append(random.nextInt(14) == 0 ? ", " : " ");
                }
                if (w == linkAt) {
                    int target = links.poll();
                    out.append(random.nextInt(25) == 0 && target >= 0 ? markdownLink(target) : wikilink(target, random.nextInt(4) == 0));
                    continue;
                }
                String word = words.word(random);
                if (w == 0) {
                    word = ZipfVocabulary.capitalized(word);
                }
                int roll = inline ? random.nextInt(1000) : 999;
                if (roll < 12) {
                    out.append("**").append(word).append(' ').append(words.word(random)).append("**");
                } else if (roll < 24) {
                    out.append('*').append(word).append('*');
                } else if (roll < 33) {
                    out.append('`').append(word).append('`');
                } else if (roll < 41) {
                    out.append("==").append(word).append(' ').append(words.word(random)).append("==");
                } else if (roll < 46) {
                    out.append(word).append(' ').append(inlineMath());
                } else if (roll < 52) {
                    out.append(word).append(" #").append(tag(random));
                } else if (roll < 58) {
                    out.append('[').append(word).append(' ').append(words.word(random)).append("](https://example.com/")
                            .append(words.word(random)).append('/').append(words.word(random)).append(')');
                } else if (roll < 60) {
                    footnotes.add(ZipfVocabulary.capitalized(words.word(random)) + " " + words.word(random) + " " + words.word(random) + ".");
                    out.append(word).append("[^").append(footnotes.size()).append(']');
                } else if (roll < 62) {
                    out.append(word).append(" %%").append(words.word(random)).append(' ').append(words.word(random)).append("%%");
                } else if (roll < 80) {
                    out.append(word).append(' ').append(random.nextInt(10) == 0 ? String.valueOf(1990 + random.nextInt(35))
                            : String.valueOf(random.nextInt(100)));
                } else {
                    out.append(word);
                }
            }
            wordsLeft -= length;
            out.append(switch (random.nextInt(20)) {
                case 0 -> "?";
                case 1 -> "!";
                case 2 -> ":";
                default -> ".";
            });
        }

        private String inlineMath() {
            String x = String.valueOf((char) ('a' + random.nextInt(26)));
            return switch (random.nextInt(5)) {
                case 0 -> "$O(n^" + (2 + random.nextInt(3)) + ")$";
                case 1 -> "$" + x + "_{" + random.nextInt(10) + "}$";
                case 2 -> "$\\alpha + \\beta_" + x + "$";
                case 3 -> "$" + random.nextInt(100) + " \\times " + random.nextInt(100) + "$";
                default -> "$\\lambda = " + random.nextInt(10) + "." + random.nextInt(10) + "$";
            };
        }

        /** A name no note has: a broken link. */
        private String missingName() {
            String name;
            do {
                name = title(random, 1 + random.nextInt(3));
            } while (nameCounts.containsKey(name.toLowerCase(Locale.ROOT)));
            return name;
        }

        /** How Obsidian writes a link to a note: its name, or its folder path when the name is not unique. */
        private String linkName(Planned target) {
            return nameCounts.getOrDefault(target.name.toLowerCase(Locale.ROOT), 0) > 1
                    ? target.path().substring(0, target.path().length() - 3) : target.name;
        }

        private String wikilink(int target, boolean display) {
            if (target < 0) {
                return "[[" + missingName() + "]]";
            }
            Planned t = notes.get(target);
            StringBuilder link = new StringBuilder("[[").append(linkName(t));
            int roll = random.nextInt(100);
            if (roll < 15 && !t.headings.isEmpty()) {
                link.append('#').append(t.headings.get(random.nextInt(t.headings.size())).text());
            } else if (roll < 21 && !t.blockIds.isEmpty()) {
                link.append("#^").append(t.blockIds.get(random.nextInt(t.blockIds.size())));
            }
            if (display) {
                link.append('|').append(!t.aliases.isEmpty() && random.nextBoolean() ? t.aliases.get(0)
                        : words.word(random) + " " + words.word(random));
            }
            return link.append("]]").toString();
        }

        private String markdownLink(int target) {
            String path = notes.get(target).path().replace(" ", "%20");
            return "[" + words.word(random) + " " + words.word(random) + "]("
                    + (path.contains("(") || path.contains(")") ? "<" + notes.get(target).path() + ">" : path) + ")";
        }

        private String embed(int target) {
            if (target < 0) {
                return "![[" + missingName() + "]]";
            }
            Planned t = notes.get(target);
            int roll = random.nextInt(10);
            if (roll < 3 && !t.headings.isEmpty()) {
                return "![[" + linkName(t) + "#" + t.headings.get(random.nextInt(t.headings.size())).text() + "]]";
            }
            if (roll < 5 && !t.blockIds.isEmpty()) {
                return "![[" + linkName(t) + "#^" + t.blockIds.get(random.nextInt(t.blockIds.size())) + "]]";
            }
            return "![[" + linkName(t) + "]]";
        }

        private String image(String path) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return switch (random.nextInt(4)) {
                case 0 -> "![[" + name + "|" + (100 + 20 * random.nextInt(20)) + "]]";
                case 1 -> "![" + words.word(random) + "](" + path.replace(" ", "%20") + ")";
                default -> "![[" + name + "]]";
            };
        }
    }

    /** A YAML scalar: plain when it is only letters, digits and spaces; otherwise double-quoted. */
    private static String yaml(String value) {
        if (value.matches("\\p{L}[\\p{L}\\p{N} _-]*") && !value.endsWith(" ")) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** SplitMix64's finaliser over the seed and an index: independent streams for each note from one seed. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
        z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
        return z ^ z >>> 31;
    }
}
