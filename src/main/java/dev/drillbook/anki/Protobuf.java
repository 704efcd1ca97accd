package dev.drillbook.anki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few protocol-buffer messages of an Anki package (media map, note type and template configs) read and written by
 * field number: varints and length-delimited fields are all they use. Pure.
 */
final class Protobuf {

    private Protobuf() {
    }

    /** Fields of one message: number → values in order (Long for varints, byte[] for length-delimited). */
    static Map<Integer, List<Object>> read(byte[] message) {
        Map<Integer, List<Object>> out = new LinkedHashMap<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long key = varint(message, pos);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            Object value = switch (wire) {
                case 0 -> varint(message, pos);
                case 1 -> skip(message, pos, 8);
                case 2 -> {
                    int length = (int) varint(message, pos);
                    if (length < 0 || pos[0] + length > message.length) {
                        throw new IllegalArgumentException("truncated protobuf field " + field);
                    }
                    byte[] bytes = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + length);
                    pos[0] += length;
                    yield bytes;
                }
                case 5 -> skip(message, pos, 4);
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wire);
            };
            out.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String string(Map<Integer, List<Object>> fields, int number) {
        List<Object> v = fields.get(number);
        return v == null || !(v.get(0) instanceof byte[] b) ? "" : new String(b, StandardCharsets.UTF_8);
    }

    static long number(Map<Integer, List<Object>> fields, int number) {
        List<Object> v = fields.get(number);
        return v == null || !(v.get(0) instanceof Long l) ? 0 : l;
    }

    private static long varint(byte[] b, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) {
                throw new IllegalArgumentException("truncated protobuf varint");
            }
            byte x = b[pos[0]++];
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("protobuf varint too long");
    }

    private static byte[] skip(byte[] b, int[] pos, int n) {
        if (pos[0] + n > b.length) {
            throw new IllegalArgumentException("truncated protobuf field");
        }
        pos[0] += n;
        return new byte[0];
    }

    /** Builds a message field by field. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer number(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Writer bytes(int field, byte[] value) {
            writeVarint((long) field << 3 | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Writer string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void writeVarint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
