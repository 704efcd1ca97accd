package dev.drillbook.search;

import dev.drillbook.vault.NoteContent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A note's content as the bytes the vault index stores: JSON, so that a reader of the index can see what it holds. */
final class NoteCodec {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
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
