package dev.drillbook.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client holding one keep-alive connection, as a browser tab does: one per load-generating
 * thread. The load generator shares the two cores with the server, so its own cost shows up in every latency;
 * the JDK's HttpClient spends several times more CPU per request (and upgrades to one shared HTTP/2 connection),
 * which measured the client as much as the server.
 */
final class KeepAliveClient implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(int port) {
        this.port = port;
    }

    /** GETs {@code path}; returns the body as text, or throws if the status is not 200. */
    String get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n", new byte[0], path);
    }

    /** POSTs JSON to {@code path}; returns the body as text, or throws if the status is not 200. */
    String post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body, path);
    }

    private String send(String head, byte[] body, String path) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return read(path);
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
                // the server may have closed an idle connection: one fresh try
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private String read(String path) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        if (code != 200) {
            throw new IOException(path + " -> " + code);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new IOException("connection closed mid-body");
            }
            to.write(buffer, 0, read);
            n -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
