package dev.prodet.tests.serve.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what a client library hides: a probe whose latency is the server's alone (one
 * kept-alive connection, no client-side pool or selector), and uploads that send their body slowly on purpose.
 */
public final class RawHttp implements AutoCloseable {
    /** A status and body. */
    public record Response(int status, String body) {}

    private final int port;
    private Socket socket;

    /** @param port the runtime's loopback port */
    public RawHttp(int port) {
        this.port = port;
    }

    /** GET {@code path} on the kept-alive connection (reconnecting when the server closed it). */
    public Response get(String path) throws IOException {
        if (socket == null || socket.isClosed()) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
        }
        try {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return read(socket.getInputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Opens a POST that declares {@code length} body bytes and sends only {@code first} of them; the caller trickles
     * or withholds the rest.
     */
    public static Socket startUpload(int port, String path, String type, long length, byte[] first) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\nContent-Length: "
                        + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(first);
        out.flush();
        return s;
    }

    /** Reads one response (Content-Length framed). */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed before the end of the headers");
            }
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        int length = 0;
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        return new Response(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
