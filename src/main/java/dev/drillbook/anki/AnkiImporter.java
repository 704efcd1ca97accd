package dev.drillbook.anki;

import dev.drillbook.config.DrillbookConfig;
import dev.drillbook.quiz.CardCatalog;
import dev.drillbook.quiz.CardFiles;
import dev.drillbook.quiz.ParsedCard;
import dev.drillbook.review.CardEntity;
import dev.drillbook.review.CardState;
import dev.drillbook.review.Rating;
import dev.drillbook.review.ReviewException;
import dev.drillbook.review.ReviewService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports an Anki package into card files under {@code questions/anki/} (one per Anki deck, media in
 * {@code questions/anki/attachments/}), then attaches each card's Anki history: the review log replayed through the
 * scheduler, Anki's FSRS memory state (stability, difficulty, due) taken over when the package has it, suspended cards
 * suspended. Notes are found again by their guid, so importing the same package twice updates rather than duplicates, and
 * reviews already replayed are not replayed again. Whatever is not brought across is listed in the report.
 */
@ApplicationScoped
public class AnkiImporter {

    static final String FOLDER = "anki";
    static final String ATTACHMENTS = "attachments";
    private static final Pattern CLOZE_NUMBER = Pattern.compile("\\{\\{c(\\d+)::");

    @Inject
    DrillbookConfig config;

    @Inject
    AnkiConfig anki;

    @Inject
    ReviewService reviews;

    @Inject
    CardCatalog catalog;

    /**
     * What an import did.
     *
     * @param notImported everything in the package that did not come across, one readable line each
     */
    public record Report(String format, List<String> files, int notes, int newNotes, int updatedNotes, int cards, int media,
            int reviewsReplayed, int reviewsAlreadyThere, int memoryStates, int suspended, List<String> notImported) {
    }

    /** A card block of a note and the Anki cards it stands for, in the order the card parser will make them. */
    record Block(String text, List<Long> ankiCards) {
    }

    record Converted(AnkiPackage.Note note, String deck, List<Block> blocks) {
    }

    /** One import at a time: two imports of the same deck would otherwise race on its file. */
    public synchronized Report importPackage(Path file, Instant now) {
        catalog.awaitLoaded(Duration.ofSeconds(60));
        try (AnkiPackage p = AnkiPackage.open(file, anki.maxUnpackedSize().asLongValue())) {
            return run(p, now);
        } catch (IOException e) {
            throw new AnkiService.BadImport("Could not write the imported cards: " + e.getMessage());
        }
    }

    private Report run(AnkiPackage p, Instant now) throws IOException {
        List<String> lost = new ArrayList<>();
        Path dir = config.questionsDir().toAbsolutePath().normalize().resolve(FOLDER);
        Path attachments = dir.resolve(ATTACHMENTS);
        Map<Long, List<AnkiPackage.Card>> cardsByNote = p.cards().stream()
                .collect(Collectors.groupingBy(AnkiPackage.Card::noteId, LinkedHashMap::new, Collectors.toList()));
        // media: original name → cleaned file name, unique within the attachments folder
        Map<String, String> mediaNames = new LinkedHashMap<>();
        Set<String> missingMedia = new LinkedHashSet<>();
        Set<String> unknownFilters = new LinkedHashSet<>();
        List<Converted> converted = new ArrayList<>();
        int ioNotes = 0;
        for (AnkiPackage.Note note : p.notes()) {
            AnkiPackage.NoteType type = p.noteTypes().get(note.typeId());
            List<AnkiPackage.Card> cards = cardsByNote.getOrDefault(note.id(), List.of());
            if (type == null) {
                lost.add("note " + note.id() + ": its note type " + note.typeId() + " is missing from the package");
                continue;
            }
            if (cards.isEmpty()) {
                lost.add("note " + note.id() + " (" + type.name() + "): has no cards");
                continue;
            }
            if (note.fields().stream().anyMatch(f -> f.contains("image-occlusion:"))) {
                ioNotes++;
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < type.fields().size(); i++) {
                fields.put(type.fields().get(i), i < note.fields().size() ? note.fields().get(i) : "");
            }
            fields.put("Tags", String.join(" ", note.tags()));
            long deckId = cards.get(0).deckId();
            String deck = p.decks().getOrDefault(deckId, "Default");
            fields.put("Deck", deck);
            fields.put("Subdeck", deck.contains("::") ? deck.substring(deck.lastIndexOf("::") + 2) : deck);
            fields.put("Type", type.name());
            Set<String> otherDecks = cards.stream().map(c -> p.decks().getOrDefault(c.deckId(), "Default"))
                    .filter(d -> !d.equals(deck)).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!otherDecks.isEmpty()) {
                lost.add("note " + note.id() + ": its cards are in several decks (" + deck + ", " + String.join(", ", otherDecks)
                        + "); all were imported into " + deck);
            }
            java.util.function.Function<String, String> media = src -> media(src, p, mediaNames, missingMedia);
            String tagLine = note.tags().stream().map(AnkiHtml::tag).filter(t -> !t.isBlank()).distinct()
                    .map(t -> "#" + t).collect(Collectors.joining(" "));
            List<Block> blocks = new ArrayList<>();
            if (type.cloze()) {
                AnkiPackage.Template t = type.templates().isEmpty() ? null : type.templates().get(0);
                if (t == null) {
                    lost.add("note " + note.id() + " (" + type.name() + "): its cloze note type has no template");
                    continue;
                }
                fields.put("Card", t.name());
                String text = AnkiHtml.toMarkdown(AnkiHtml.render(t.answer(), fields, unknownFilters), media);
                if (!CLOZE_NUMBER.matcher(text).find()) {
                    text = AnkiHtml.toMarkdown(AnkiHtml.render(t.question(), fields, unknownFilters), media);
                }
                Map<Integer, Long> byOrd = new HashMap<>();
                cards.forEach(c -> byOrd.put(c.ord(), c.id()));
                List<Long> order = new ArrayList<>();
                Matcher m = CLOZE_NUMBER.matcher(text);
                Set<Integer> seen = new LinkedHashSet<>();
                while (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    if (seen.add(n)) {
                        order.add(byOrd.get(n - 1));
                    }
                }
                blocks.add(new Block(tagLine.isEmpty() ? text : text + "\n" + tagLine, order));
            } else {
                for (AnkiPackage.Card c : cards) {
                    AnkiPackage.Template t = type.templates().stream().filter(x -> x.ord() == c.ord()).findFirst().orElse(null);
                    if (t == null) {
                        lost.add("card " + c.id() + " of note " + note.id() + ": its template " + (c.ord() + 1) + " is missing");
                        continue;
                    }
                    fields.put("Card", t.name());
                    String front = AnkiHtml.toMarkdown(AnkiHtml.question(t.question(), fields, unknownFilters), media);
                    String back = AnkiHtml.toMarkdown(AnkiHtml.answer(t.answer(), fields, unknownFilters), media);
                    if (front.isBlank() || back.isBlank()) {
                        lost.add("card " + c.id() + " of note " + note.id() + " (" + type.name() + ", " + t.name() + "): its "
                                + (front.isBlank() ? "question" : "answer") + " is empty");
                        continue;
                    }
                    blocks.add(new Block(front + "\n?\n" + back + (tagLine.isEmpty() ? "" : "\n" + tagLine), List.of(c.id())));
                }
            }
            if (!blocks.isEmpty()) {
                converted.add(new Converted(note, deck, blocks));
            }
        }
        if (ioNotes > 0) {
            lost.add(ioNotes + " Image Occlusion note(s): Drillbook cards cannot hide parts of an image");
        }
        if (!unknownFilters.isEmpty()) {
            lost.add("template filters shown as plain field values: " + String.join(", ", unknownFilters));
        }
        missingMedia.forEach(m -> lost.add("media file \"" + m + "\" is used by a note but missing from the package"));

        Written w = write(dir, converted, lost);
        List<String> files = w.files();
        Map<Long, String[]> ankiToCard = w.ankiToCard();
        int updated = w.updated();

        int mediaCopied = copyMedia(p, mediaNames, attachments, lost);
        Set<String> unused = new LinkedHashSet<>(p.mediaNames());
        unused.removeAll(mediaNames.keySet());
        if (!unused.isEmpty()) {
            lost.add(unused.size() + " media file(s) in the package are used by no imported note and were not copied: "
                    + unused.stream().limit(10).collect(Collectors.joining(", ")) + (unused.size() > 10 ? ", …" : ""));
        }

        // the catalog reads the files now, so the cards exist before their history is attached
        try {
            catalog.sync(w.paths()).get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnkiService.BadImport("Interrupted while reading the imported cards.");
        } catch (ExecutionException | TimeoutException e) {
            throw new AnkiService.BadImport("The card files were written, but reading them failed: " + e.getMessage());
        }
        History h = history(p, ankiToCard, now, lost);
        int cardCount = converted.stream().mapToInt(c -> c.blocks().size()).sum();
        int cards = ankiToCard.size();
        lost.add("deck options (presets), note type styling (CSS) and template scripts are not imported: Drillbook uses its "
                + "own scheduler settings and look");
        return new Report(p.format(), files, converted.size(), converted.size() - updated, updated, Math.max(cards, cardCount),
                mediaCopied, h.replayed, h.already, h.memory, h.suspended, lost);
    }

    /** Written card files: their sources, which Anki card each parsed card is, how many notes were already there. */
    record Written(List<String> files, Set<Path> paths, Map<Long, String[]> ankiToCard, int updated) {
    }

    /** Puts each note's section into its deck's file (replacing the section of the same guid wherever it was). */
    Written write(Path dir, List<Converted> converted, List<String> lost) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> deckFiles = existingDeckFiles(dir);
        Map<String, String> guidFile = new HashMap<>();
        Map<Path, DeckFile.Parsed> open = new LinkedHashMap<>();
        for (Path f : deckFiles.values()) {
            DeckFile.Parsed parsed = DeckFile.parse(Files.readString(f, StandardCharsets.UTF_8));
            open.put(f, parsed);
            parsed.notes().keySet().forEach(g -> guidFile.put(g, f.toString()));
        }
        int updated = 0;
        Map<Path, Map<String, Converted>> written = new LinkedHashMap<>();
        for (Converted c : converted) {
            Path target = deckFiles.computeIfAbsent(c.deck(), d -> free(dir, slug(d), deckFiles.values()));
            DeckFile.Parsed parsed = open.computeIfAbsent(target, t -> new DeckFile.Parsed(
                    DeckFile.head(c.deck(), c.deck().replace("::", "/")), new LinkedHashMap<>()));
            String previous = guidFile.get(c.note().guid());
            if (previous != null) {
                updated++;
                if (!previous.equals(target.toString())) {
                    open.get(Path.of(previous)).notes().remove(c.note().guid()); // the note moved to another deck
                    written.computeIfAbsent(Path.of(previous), k -> new LinkedHashMap<>());
                }
            }
            parsed.notes().put(c.note().guid(), DeckFile.section(c.note().guid(), c.note().id(),
                    c.blocks().stream().map(Block::text).toList()));
            written.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(c.note().guid(), c);
        }

        // which Anki card each parsed card is: sections are separate blocks, so the file's cards are theirs in order
        Map<Long, String[]> ankiToCard = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (Map.Entry<Path, Map<String, Converted>> e : written.entrySet()) {
            Path f = e.getKey();
            DeckFile.Parsed parsed = open.get(f);
            String text = DeckFile.compose(parsed.head(), parsed.notes());
            String source = CardFiles.QUESTIONS_PREFIX + FOLDER + "/" + f.getFileName();
            List<Long> expected = new ArrayList<>();
            for (Map.Entry<String, String> section : parsed.notes().entrySet()) {
                Converted c = e.getValue().get(section.getKey());
                if (c == null) {
                    int n = CardFiles.read(source, section.getValue(), false).cards().size();
                    for (int i = 0; i < n; i++) {
                        expected.add(null);
                    }
                    continue;
                }
                for (Block b : c.blocks()) {
                    int n = CardFiles.read(source, b.text(), false).cards().size();
                    if (b.ankiCards() == null) {
                        // a plain-text note: no Anki card, no history to attach
                        if (n == 0) {
                            lost.add("note " + c.note().guid() + ": makes no Drillbook card (\"" + shorten(b.text()) + "\")");
                        }
                        for (int i = 0; i < n; i++) {
                            expected.add(null);
                        }
                        continue;
                    }
                    if (n != b.ankiCards().size()) {
                        lost.add("note " + c.note().id() + ": makes " + n + " Drillbook card(s) for " + b.ankiCards().size()
                                + " Anki card(s) (a cloze inside math or code?); their review history was not attached");
                    }
                    for (int i = 0; i < n; i++) {
                        expected.add(n == b.ankiCards().size() ? b.ankiCards().get(i) : null);
                    }
                }
            }
            List<ParsedCard> cards = CardFiles.read(source, text, false).cards();
            if (cards.size() == expected.size()) {
                for (int i = 0; i < cards.size(); i++) {
                    if (expected.get(i) != null) {
                        ankiToCard.put(expected.get(i), new String[] {source, cards.get(i).fingerprint()});
                    }
                }
            } else {
                lost.add(source + ": its cards could not be matched to Anki's, so no review history was attached to them");
            }
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            files.add(source);
        }
        return new Written(files, written.keySet(), ankiToCard, updated);
    }

    private static final class History {
        int replayed;
        int already;
        int memory;
        int suspended;
    }

    /** Replays each card's review log, then takes over Anki's memory state and suspension. */
    private History history(AnkiPackage p, Map<Long, String[]> ankiToCard, Instant now, List<String> lost) {
        History h = new History();
        Map<Long, List<AnkiPackage.Review>> byCard = new HashMap<>();
        int manual = 0;
        int unmatched = 0;
        for (AnkiPackage.Review r : p.reviews()) {
            if (r.ease() < 1 || r.ease() > 4 || r.type() > 3) {
                manual++;
            } else if (!ankiToCard.containsKey(r.cardId())) {
                unmatched++;
            } else {
                byCard.computeIfAbsent(r.cardId(), k -> new ArrayList<>()).add(r);
            }
        }
        if (manual > 0) {
            lost.add(manual + " review log entries that record no answer (manual rescheduling, resets, Set Due Date) were not replayed");
        }
        if (unmatched > 0) {
            lost.add(unmatched + " review log entries belong to cards that were not imported");
        }
        int buried = 0;
        int flagged = 0;
        int noHistory = 0;
        for (AnkiPackage.Card ac : p.cards()) {
            String[] key = ankiToCard.get(ac.id());
            if (key == null) {
                continue;
            }
            Optional<CardEntity> found = find(key[0], key[1]);
            if (found.isEmpty()) {
                lost.add("Anki card " + ac.id() + ": its Drillbook card was not found after reading " + key[0]);
                continue;
            }
            String id = found.get().id;
            Instant last = found.get().lastReview;
            List<AnkiPackage.Review> log = byCard.getOrDefault(ac.id(), List.of());
            List<ReviewService.PastAnswer> toReplay = new ArrayList<>();
            for (AnkiPackage.Review r : log) {
                Instant at = Instant.ofEpochMilli(r.millis());
                if (last != null && !at.isAfter(last)) {
                    h.already++;
                    continue;
                }
                toReplay.add(new ReviewService.PastAnswer(Rating.parse(String.valueOf(r.ease())).orElseThrow(), at));
                last = at;
            }
            if (!toReplay.isEmpty()) {
                try {
                    // one transaction per card, not per answer: a commit each made a replay run at 60 answers/s
                    reviews.replay(id, toReplay, now);
                    h.replayed += toReplay.size();
                } catch (ReviewException e) {
                    last = found.get().lastReview;
                    lost.add(toReplay.size() + " reviews of Anki card " + ac.id() + ": " + e.getMessage());
                }
            }
            if (ac.stability() != null && ac.type() >= 1 && ac.type() <= 3 && adopt(id, ac, p.createdSeconds())) {
                h.memory++;
            } else if (log.isEmpty() && ac.type() == 2 && last == null) {
                noHistory++;
            }
            if (ac.queue() == -1) {
                reviews.suspend(id);
                h.suspended++;
            } else if (ac.queue() == -2 || ac.queue() == -3) {
                buried++;
            }
            if (ac.flags() != 0) {
                flagged++;
            }
        }
        if (noHistory > 0) {
            lost.add(noHistory + " card(s) in review in Anki have neither a review log nor an FSRS memory state in the package "
                    + "(exported without scheduling?): they start as new cards");
        }
        if (buried > 0) {
            lost.add(buried + " buried card(s): burying is for one day only, they are in the queue again");
        }
        if (flagged > 0) {
            lost.add(flagged + " card flag(s) (colours): Drillbook has no flags");
        }
        if (h.memory > 0) {
            reviews.decksChanged();
        }
        return h;
    }

    /** Anki's own FSRS memory state and due date replace what the replay computed (the same model, Anki's weights). */
    private boolean adopt(String id, AnkiPackage.Card ac, long createdSeconds) {
        Instant due = switch (ac.queue()) {
            case 1 -> Instant.ofEpochSecond(ac.due());
            case 2, 3 -> Instant.ofEpochSecond(createdSeconds).plus(Duration.ofDays(ac.due()));
            default -> null;
        };
        return QuarkusTransaction.requiringNew().call(() -> {
            CardEntity c = CardEntity.findById(id);
            if (c == null || c.deleted()) {
                return false;
            }
            c.stability = ac.stability();
            c.difficulty = Math.max(1, Math.min(10, ac.difficulty()));
            CardState state = ac.type() == 1 ? CardState.LEARNING : ac.type() == 3 ? CardState.RELEARNING : CardState.REVIEW;
            c.state = state.name();
            if (due != null) {
                c.due = due;
            }
            if (c.lastReview == null && due != null) {
                c.lastReview = due.minus(Duration.ofDays(Math.max(0, ac.interval())));
            }
            c.reps = Math.max(c.reps, ac.reps());
            c.lapses = Math.max(c.lapses, ac.lapses());
            if (c.queue >= 0) {
                c.queue = CardEntity.queueFor(state);
            }
            return true;
        });
    }

    private static Optional<CardEntity> find(String source, String fingerprint) {
        return QuarkusTransaction.requiringNew().call(() -> CardEntity.<CardEntity>find(
                "source = ?1 and fingerprint = ?2 and queue <> ?3", source, fingerprint, CardEntity.QUEUE_DELETED).firstResultOptional());
    }

    private static String media(String src, AnkiPackage p, Map<String, String> names, Set<String> missing) {
        if (src.startsWith("http://") || src.startsWith("https://")) {
            return src;
        }
        String name = p.mediaNames().contains(src) ? src : java.net.URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!p.mediaNames().contains(name)) {
            missing.add(src);
            return null;
        }
        String clean = names.get(name);
        if (clean == null) {
            String base = AnkiHtml.cleanMediaName(name);
            clean = base;
            for (int n = 2; names.containsValue(clean); n++) {
                int dot = base.lastIndexOf('.');
                clean = dot > 0 ? base.substring(0, dot) + "-" + n + base.substring(dot) : base + "-" + n;
            }
            names.put(name, clean);
        }
        return AnkiHtml.mediaUrl(clean);
    }

    private int copyMedia(AnkiPackage p, Map<String, String> names, Path attachments, List<String> lost) throws IOException {
        int copied = 0;
        for (Map.Entry<String, String> e : names.entrySet()) {
            Optional<InputStream> in = p.media(e.getKey());
            if (in.isEmpty()) {
                lost.add("media file \"" + e.getKey() + "\" is in the media map but not in the zip");
                continue;
            }
            Files.createDirectories(attachments);
            Path target = attachments.resolve(e.getValue()).normalize();
            if (!target.getParent().equals(attachments)) {
                lost.add("media file \"" + e.getKey() + "\": unsafe name");
                continue;
            }
            try (InputStream s = in.get()) {
                Files.copy(s, target, StandardCopyOption.REPLACE_EXISTING);
            }
            copied++;
        }
        return copied;
    }

    /** Deck files already written by an import, by Anki deck name. */
    private static Map<String, Path> existingDeckFiles(Path dir) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".md") && Files.isRegularFile(x)).sorted().toList()) {
                String deck = DeckFile.ankiDeck(Files.readString(f, StandardCharsets.UTF_8));
                if (deck != null) {
                    out.putIfAbsent(deck, f);
                }
            }
        }
        return out;
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "…";
    }

    /**
     * Imports Anki's "Notes in Plain Text" the way Anki's text importer maps it: header lines {@code #separator},
     * {@code #html}, {@code #tags}, {@code #deck}, {@code #notetype}, {@code #columns} and the {@code #deck column},
     * {@code #notetype column}, {@code #guid column}, {@code #tags column} numbers (1-based); the remaining columns are the
     * note's fields in order. Notes are matched by guid (without a guid column, by note type and first field, as Anki
     * finds duplicates), so importing the file again updates the cards.
     */
    public synchronized Report importText(String text, String defaultDeck, Instant now) {
        catalog.awaitLoaded(Duration.ofSeconds(60));
        AnkiText.Parsed parsed = AnkiText.read(text);
        if (parsed.rows().isEmpty()) {
            throw new AnkiService.BadImport("No notes found: export from Anki as \"Notes in Plain Text\" (.txt).");
        }
        Map<String, String> h = parsed.header();
        boolean html = !"false".equalsIgnoreCase(h.getOrDefault("html", "true").strip());
        int deckCol = parsed.column("deck column", -1);
        int typeCol = parsed.column("notetype column", -1);
        int guidCol = parsed.column("guid column", -1);
        int tagsCol = parsed.column("tags column", -1);
        String deckAll = h.getOrDefault("deck", defaultDeck == null || defaultDeck.isBlank() ? "anki" : defaultDeck.strip());
        String typeAll = h.getOrDefault("notetype", "Basic");
        List<String> tagsAll = h.containsKey("tags") ? List.of(h.get("tags").strip().split("\\s+")) : List.of();
        List<String> lost = new ArrayList<>();
        List<Converted> converted = new ArrayList<>();
        Set<String> seenGuids = new HashSet<>();
        int line = 0;
        for (List<String> row : parsed.rows()) {
            line++;
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                if (i != deckCol && i != typeCol && i != guidCol && i != tagsCol) {
                    fields.add(html ? row.get(i) : plainToHtml(row.get(i)));
                }
            }
            String type = cell(row, typeCol, typeAll);
            String deck = cell(row, deckCol, deckAll);
            List<String> tags = new ArrayList<>(tagsAll);
            tags.addAll(List.of(cell(row, tagsCol, "").strip().split("\\s+")));
            tags.removeIf(t -> t.isBlank() || t.equals("drillbook"));
            String guid = cell(row, guidCol, "");
            if (guid.isBlank()) {
                guid = "t" + AnkiExporter.sha1(type + "\u0000" + AnkiHtml.stripHtml(fields.isEmpty() ? "" : fields.get(0)).strip()).substring(0, 12);
            }
            if (!seenGuids.add(guid)) {
                lost.add("row " + line + ": the same note (guid " + guid + ") as an earlier row; the later row wins");
            }
            java.util.function.Function<String, String> media = src -> src.startsWith("http://") || src.startsWith("https://") ? src : null;
            String tagLine = tags.stream().map(AnkiHtml::tag).filter(t -> !t.isBlank()).distinct().map(t -> "#" + t)
                    .collect(Collectors.joining(" "));
            String suffix = tagLine.isEmpty() ? "" : "\n" + tagLine;
            List<Block> blocks = new ArrayList<>();
            String lower = type.toLowerCase(Locale.ROOT);
            String f0 = fields.isEmpty() ? "" : AnkiHtml.toMarkdown(fields.get(0), media);
            String f1 = fields.size() < 2 ? "" : AnkiHtml.toMarkdown(fields.get(1), media);
            if (lower.contains("cloze")) {
                blocks.add(new Block(f0 + (f1.isBlank() ? "" : "\n" + f1) + suffix, null));
            } else {
                if (!lower.startsWith("basic")) {
                    lost.add("row " + line + ": note type \"" + type + "\" is not one Drillbook knows; imported as Basic from its first two fields");
                }
                if (f0.isBlank() || f1.isBlank()) {
                    lost.add("row " + line + ": empty front or back");
                    continue;
                }
                blocks.add(new Block(f0 + "\n?\n" + f1 + suffix, null));
                boolean reverse = lower.contains("and reversed") || lower.contains("optional reversed") && fields.size() > 2
                        && !AnkiHtml.stripHtml(fields.get(2)).isBlank();
                if (reverse) {
                    blocks.add(new Block(f1 + "\n?\n" + f0 + suffix, null));
                }
            }
            if (fields.size() > 2 && !lower.contains("optional reversed")) {
                lost.add("row " + line + ": " + (fields.size() - 2) + " field(s) beyond the first two were not imported");
            }
            converted.add(new Converted(new AnkiPackage.Note(0, guid, 0, fields, tags), deck, blocks));
        }
        try {
            Written w = write(config.questionsDir().toAbsolutePath().normalize().resolve(FOLDER), converted, lost);
            catalog.sync(w.paths()).get(120, TimeUnit.SECONDS);
            int cards = converted.stream().mapToInt(c -> c.blocks().size()).sum();
            return new Report("text", w.files(), converted.size(), converted.size() - w.updated(), w.updated(), cards, 0, 0, 0, 0, 0, lost);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new AnkiService.BadImport("Could not write the imported cards: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnkiService.BadImport("Interrupted while reading the imported cards.");
        }
    }

    private static String cell(List<String> row, int column, String fallback) {
        return column >= 0 && column < row.size() && !row.get(column).isBlank() ? row.get(column).strip() : fallback;
    }

    /** A field of a {@code #html:false} file is text: {@code <} and {@code >} are characters, line breaks are line breaks. */
    private static String plainToHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

    static String slug(String deck) {
        String s = deck.toLowerCase(Locale.ROOT).replace("::", "-").replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "anki" : s.length() > 80 ? s.substring(0, 80) : s;
    }

    /** A file name not on disk and not taken by another deck of this import. */
    static Path free(Path dir, String base, java.util.Collection<Path> taken) {
        Path p = dir.resolve(base + ".md");
        for (int n = 2; Files.exists(p) || taken.contains(p); n++) {
            p = dir.resolve(base + "-" + n + ".md");
        }
        return p;
    }
}
