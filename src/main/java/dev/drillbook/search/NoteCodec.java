package dev.drillbook.search;

import dev.drillbook.vault.NoteContent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A note's content as the bytes the vault index stores: JSON, so that a reader of the index can see what it holds. */
final class NoteCodec {

    /**
     * Field names are not canonicalised: a note's content holds maps keyed by its own words (front matter keys,
     * heading ids), so across a vault the names are mostly unique, and Jackson's shared name table, copied for each
     * parser that adds to it, made 2 GB of garbage while obsidian-hub's 6,571 stored notes were read back at start.
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private NoteCodec() {
    }

    static byte[] encode(NoteContent content) {
        try {
            return JSON.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoteContent decode(byte[] bytes, int offset, int length) throws IOException {
        return JSON.readValue(bytes, offset, length, NoteContent.class);
    }
}
