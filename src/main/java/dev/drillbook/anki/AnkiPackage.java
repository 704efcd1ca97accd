package dev.drillbook.anki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An Anki package ({@code .apkg}) opened for reading: its collection (schema 11 in {@code collection.anki2} and
 * {@code collection.anki21}, schema 18 in the zstd-compressed {@code collection.anki21b}) read with SQLite, and its media
 * map (JSON in old packages, zstd-compressed protobuf in new ones). Nothing is extracted by the names inside the zip:
 * media is read by the map's index entries and written by the caller under names it cleans, so a hostile entry name
 * ({@code ../../x}) goes nowhere.
 */
public final class AnkiPackage implements AutoCloseable {

    /** The zstd frame magic number, first four bytes of a compressed file. */
    private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd};
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Template(int ord, String name, String question, String answer) {
    }

    public record NoteType(long id, String name, boolean cloze, List<String> fields, List<Template> templates) {
    }

    public record Note(long id, String guid, long typeId, List<String> fields, List<String> tags) {
    }

    /**
     * @param stability Anki's FSRS memory state ({@code cards.data} {@code s}), or null
     * @param difficulty Anki's FSRS difficulty ({@code d}, 1–10), or null
     */
    public record Card(long id, long noteId, long deckId, int ord, int type, int queue, long due, int interval, int reps,
            int lapses, int flags, Double stability, Double difficulty) {
    }

    /** One {@code revlog} row: time in epoch milliseconds, ease 0–4, type 0 learn … 5 rescheduled. */
    public record Review(long millis, long cardId, int ease, int type) {
    }

    private final ZipFile zip;
    private final Path collectionFile;
    private final String format;
    private long createdSeconds;
    private final Map<Long, NoteType> noteTypes = new LinkedHashMap<>();
    private final Map<Long, String> decks = new LinkedHashMap<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Card> cards = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    /** Media file name as the notes use it → zip entry holding it. */
    private final Map<String, String> media = new LinkedHashMap<>();
    private final boolean mediaCompressed;
    private final long maxUnpacked;

    private AnkiPackage(ZipFile zip, Path collectionFile, String format, boolean mediaCompressed, long maxUnpacked) {
        this.zip = zip;
        this.collectionFile = collectionFile;
        this.format = format;
        this.mediaCompressed = mediaCompressed;
        this.maxUnpacked = maxUnpacked;
    }

    /**
     * Opens a package file. {@code maxUnpacked} bounds every decompressed entry (a zip or zstd bomb is refused).
     *
     * @throws AnkiService.BadImport when the file is not a package this reader understands
     */
    public static AnkiPackage open(Path file, long maxUnpacked) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new AnkiService.BadImport("This is not an Anki package: an .apkg is a zip file (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new AnkiService.BadImport("Could not read the package: " + e.getMessage());
        }
        Path db = null;
        try {
            String name = zip.getEntry("collection.anki21b") != null ? "collection.anki21b"
                    : zip.getEntry("collection.anki21") != null ? "collection.anki21"
                    : zip.getEntry("collection.anki2") != null ? "collection.anki2" : null;
            if (name == null) {
                throw new AnkiService.BadImport("The zip holds no Anki collection (collection.anki21b, collection.anki21 or "
                        + "collection.anki2); export from Anki with File → Export → Anki Deck Package (.apkg).");
            }
            db = Files.createTempFile("drillbook-anki-", ".sqlite");
            try (InputStream in = unpacked(zip, zip.getEntry(name), maxUnpacked); OutputStream out = Files.newOutputStream(db)) {
                in.transferTo(out);
            }
            boolean latest = name.equals("collection.anki21b");
            AnkiPackage p = new AnkiPackage(zip, db, name, latest, maxUnpacked);
            p.readCollection();
            p.readMediaMap(latest);
            return p;
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(zip);
            deleteQuietly(db);
            if (e instanceof AnkiService.BadImport bad) {
                throw bad;
            }
            throw new AnkiService.BadImport("The Anki collection in this package could not be read: " + e.getMessage());
        }
    }

    /** Which collection file was read ({@code collection.anki21b}, {@code .anki21} or {@code .anki2}). */
    public String format() {
        return format;
    }

    /** The collection's creation time in epoch seconds ({@code col.crt}): review-card due days count from it. */
    public long createdSeconds() {
        return createdSeconds;
    }

    public Map<Long, NoteType> noteTypes() {
        return noteTypes;
    }

    /** Deck id → name with {@code ::} between levels. */
    public Map<Long, String> decks() {
        return decks;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Card> cards() {
        return cards;
    }

    public List<Review> reviews() {
        return reviews;
    }

    /** Media names the package's map lists. */
    public java.util.Set<String> mediaNames() {
        return media.keySet();
    }

    /** The bytes of one media file, decompressed; empty when the map names a file the zip lacks. */
    public Optional<InputStream> media(String name) throws IOException {
        String entry = media.get(name);
        ZipEntry e = entry == null ? null : zip.getEntry(entry);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(mediaCompressed ? unpacked(zip, e, maxUnpacked) : bounded(zip.getInputStream(e), maxUnpacked));
    }

    // the driver directly, not DriverManager: DriverManager only hands out drivers visible to the caller's class loader
    private void readCollection() throws SQLException {
        try (Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + collectionFile.toAbsolutePath(), new java.util.Properties());
                Statement s = c.createStatement()) {
            // Anki declares some columns with its own collation; reading needs it registered
            org.sqlite.Collation.create(c, "unicase", new org.sqlite.Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.compareToIgnoreCase(b);
                }
            });
            try (ResultSet rs = s.executeQuery("select crt, models, decks from col")) {
                if (!rs.next()) {
                    throw new AnkiService.BadImport("The collection has no col row.");
                }
                createdSeconds = rs.getLong(1);
                String models = rs.getString(2);
                String deckJson = rs.getString(3);
                if (hasTable(c, "notetypes")) {
                    readNoteTypes18(c);
                    readDecks18(c);
                } else {
                    readNoteTypes11(models);
                    readDecks11(deckJson);
                }
            }
            try (ResultSet rs = s.executeQuery("select id, guid, mid, tags, flds from notes order by id")) {
                while (rs.next()) {
                    List<String> tags = Arrays.stream(rs.getString(4).strip().split("\\s+")).filter(t -> !t.isBlank()).toList();
                    notes.add(new Note(rs.getLong(1), rs.getString(2), rs.getLong(3), List.of(rs.getString(5).split("\u001f", -1)), tags));
                }
            }
            try (ResultSet rs = s.executeQuery("select id, nid, did, ord, type, queue, due, ivl, reps, lapses, flags, data, odid, odue "
                    + "from cards order by nid, ord")) {
                while (rs.next()) {
                    Double stability = null;
                    Double difficulty = null;
                    String data = rs.getString(12);
                    if (data != null && data.startsWith("{")) {
                        try {
                            JsonNode d = JSON.readTree(data);
                            if (d.hasNonNull("s") && d.hasNonNull("d")) {
                                stability = d.get("s").asDouble();
                                difficulty = d.get("d").asDouble();
                            }
                        } catch (IOException ignored) {
                            // custom data we do not understand: no memory state, the review log still replays
                        }
                    }
                    // a card in a filtered deck keeps its home deck in odid (and its due in odue)
                    long deck = rs.getLong(13) != 0 ? rs.getLong(13) : rs.getLong(3);
                    long due = rs.getLong(13) != 0 ? rs.getLong(14) : rs.getLong(7);
                    cards.add(new Card(rs.getLong(1), rs.getLong(2), deck, rs.getInt(4), rs.getInt(5), rs.getInt(6), due,
                            rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), stability, difficulty));
                }
            }
            try (ResultSet rs = s.executeQuery("select id, cid, ease, type from revlog order by id")) {
                while (rs.next()) {
                    reviews.add(new Review(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("select 1 from sqlite_master where type = 'table' and name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Schema 11: note types and decks are JSON objects in the col row. */
    private void readNoteTypes11(String models) {
        try {
            JsonNode root = JSON.readTree(models == null || models.isBlank() ? "{}" : models);
            for (Iterator<JsonNode> it = root.elements(); it.hasNext();) {
                JsonNode m = it.next();
                List<String> fields = new ArrayList<>();
                m.path("flds").forEach(f -> fields.add(f.path("name").asText()));
                List<Template> templates = new ArrayList<>();
                m.path("tmpls").forEach(t -> templates.add(new Template(t.path("ord").asInt(), t.path("name").asText(),
                        t.path("qfmt").asText(), t.path("afmt").asText())));
                noteTypes.put(m.path("id").asLong(), new NoteType(m.path("id").asLong(), m.path("name").asText(),
                        m.path("type").asInt() == 1, fields, templates));
            }
        } catch (IOException e) {
            throw new AnkiService.BadImport("The note types (col.models) are not valid JSON: " + e.getMessage());
        }
    }

    private void readDecks11(String deckJson) {
        try {
            JsonNode root = JSON.readTree(deckJson == null || deckJson.isBlank() ? "{}" : deckJson);
            for (Iterator<JsonNode> it = root.elements(); it.hasNext();) {
                JsonNode d = it.next();
                decks.put(d.path("id").asLong(), d.path("name").asText());
            }
        } catch (IOException e) {
            throw new AnkiService.BadImport("The decks (col.decks) are not valid JSON: " + e.getMessage());
        }
    }

    /** Schema 18: tables notetypes, fields, templates (configs as protobuf) and decks (levels split by 0x1f). */
    private void readNoteTypes18(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            Map<Long, Object[]> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("select id, name, config from notetypes")) {
                while (rs.next()) {
                    boolean cloze = Protobuf.number(Protobuf.read(bytes(rs.getBytes(3))), 1) == 1;
                    types.put(rs.getLong(1), new Object[] {rs.getString(2), cloze, new ArrayList<String>(), new ArrayList<Template>()});
                }
            }
            try (ResultSet rs = s.executeQuery("select ntid, ord, name from fields order by ntid, ord")) {
                while (rs.next()) {
                    Object[] t = types.get(rs.getLong(1));
                    if (t != null) {
                        cast(t[2]).add(rs.getString(3));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select ntid, ord, name, config from templates order by ntid, ord")) {
                while (rs.next()) {
                    Object[] t = types.get(rs.getLong(1));
                    if (t != null) {
                        var config = Protobuf.read(bytes(rs.getBytes(4)));
                        this.<Template>castList(t[3]).add(new Template(rs.getInt(2), rs.getString(3), Protobuf.string(config, 1),
                                Protobuf.string(config, 2)));
                    }
                }
            }
            types.forEach((id, t) -> noteTypes.put(id, new NoteType(id, (String) t[0], (Boolean) t[1], cast(t[2]), castList(t[3]))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
        return (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> castList(Object o) {
        return (List<T>) o;
    }

    private void readDecks18(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, name from decks")) {
            while (rs.next()) {
                decks.put(rs.getLong(1), rs.getString(2).replace("\u001f", "::"));
            }
        }
    }

    /** The media map: entry {@code media}, JSON {"0": "a.png"} or zstd protobuf MediaEntries (name = 1, zip name = 255). */
    private void readMediaMap(boolean latest) throws IOException {
        ZipEntry entry = zip.getEntry("media");
        if (entry == null) {
            return;
        }
        byte[] raw;
        try (InputStream in = unpacked(zip, entry, maxUnpacked)) {
            raw = in.readAllBytes();
        }
        if (!latest || (raw.length > 0 && raw[0] == '{')) {
            JsonNode root = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
            root.fields().forEachRemaining(f -> media.put(f.getValue().asText(), f.getKey()));
            return;
        }
        List<Object> entries = Protobuf.read(raw).getOrDefault(1, List.of());
        for (int i = 0; i < entries.size(); i++) {
            var e = Protobuf.read((byte[]) entries.get(i));
            String zipName = e.containsKey(255) ? String.valueOf(Protobuf.number(e, 255)) : String.valueOf(i);
            media.put(Protobuf.string(e, 1), zipName);
        }
    }

    /** An entry's stream, decompressed when it starts with the zstd magic, never longer than {@code max}. */
    private static InputStream unpacked(ZipFile zip, ZipEntry entry, long max) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(zip.getInputStream(entry));
        raw.mark(4);
        byte[] head = raw.readNBytes(4);
        raw.reset();
        InputStream in = Arrays.equals(head, ZSTD_MAGIC) ? new ZstdInputStream(raw) : raw;
        return bounded(in, max);
    }

    private static InputStream bounded(InputStream in, long max) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                read += n;
                if (read > max) {
                    throw new AnkiService.BadImport("A file in the package unpacks to more than " + max / (1024 * 1024)
                            + " MB (drillbook.anki.max-unpacked-size); refusing it.");
                }
            }
        };
    }

    private static byte[] bytes(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    @Override
    public void close() {
        closeQuietly(zip);
        deleteQuietly(collectionFile);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file; the OS cleans it eventually
            }
        }
    }
}
