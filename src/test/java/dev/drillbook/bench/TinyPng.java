package dev.drillbook.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A small valid PNG (8-bit RGB, a two-colour diagonal gradient) for a generated vault's attachments. The image data
 * goes in stored, uncompressed deflate blocks, so the bytes depend on nothing but the arguments (a compressor's
 * output may change between zlib versions).
 */
final class TinyPng {

    private TinyPng() {
    }

    static byte[] gradient(int width, int height, int from, int to) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            raw.write(0);  // filter type: none
            for (int x = 0; x < width; x++) {
                int t = (x + y) * 255 / Math.max(1, width + height - 2);
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int a = from >> shift & 0xFF;
                    int b = to >> shift & 0xFF;
                    raw.write(a + (b - a) * t / 255);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int32(header, width);
        int32(header, height);
        header.writeBytes(new byte[] {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filtering, no interlace
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", storedZlib(raw.toByteArray()));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] storedZlib(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x01);
        int at = 0;
        do {
            int n = Math.min(65_535, data.length - at);
            out.write(at + n == data.length ? 1 : 0);  // last block?
            out.write(n & 0xFF);
            out.write(n >> 8);
            out.write(~n & 0xFF);
            out.write(~n >> 8 & 0xFF);
            out.write(data, at, n);
            at += n;
        } while (at < data.length);
        Adler32 adler = new Adler32();
        adler.update(data);
        int32(out, (int) adler.getValue());
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        int32(png, data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        int32(png, (int) crc.getValue());
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16 & 0xFF);
        out.write(v >>> 8 & 0xFF);
        out.write(v & 0xFF);
    }
}
