package dev.prodet.serve.internal.http;

import dev.prodet.api.serve.ApiException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a request body as it arrives, without holding a thread while the client is slow: the container calls back
 * when bytes are there. The buffer grows with the body, each growth reserved from the memory budget first, and stops
 * at the body limit (413).
 */
final class BodyReader implements ReadListener {
    private static final int FIRST = 64 << 10;

    private final ServletInputStream in;
    private final Exchange exchange;
    private final long max;
    private final long declared;
    private final Consumer<byte[]> done;
    private byte[] buf;
    private int size;

    /**
     * @param declared Content-Length, or −1; that many bytes are already reserved
     * @param max largest body accepted
     * @param done called with the body once it has arrived whole
     */
    BodyReader(ServletInputStream in, Exchange exchange, long declared, long max, Consumer<byte[]> done) {
        this.in = in;
        this.exchange = exchange;
        this.max = max;
        this.declared = declared;
        this.done = done;
        this.buf = new byte[(int) (declared >= 0 ? declared : Math.min(FIRST, max + 1))];
    }

    @Override
    public void onDataAvailable() throws IOException {
        try {
            while (!exchange.answered() && in.isReady()) {
                if (size == declared) {
                    if (in.read() >= 0) { // the container frames the body by its length: cannot happen
                        throw ApiException.badRequest("bad-body", "the body is longer than its Content-Length");
                    }
                    return;
                }
                if (size == buf.length) {
                    grow();
                }
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) {
                    return;
                }
                size += n;
            }
        } catch (ApiException e) {
            exchange.fail(e);
        }
    }

    private void grow() throws ApiException {
        if (size >= max) {
            throw HttpSupport.tooLarge("more than " + max + " bytes", max);
        }
        int next = (int) Math.min(Math.max(FIRST, (long) buf.length * 2), max + 1);
        exchange.memory().grow(next - buf.length, "the request body");
        buf = Arrays.copyOf(buf, next);
    }

    @Override
    public void onAllDataRead() {
        if (exchange.answered()) {
            return;
        }
        exchange.bodyRead();
        if (size == buf.length) {
            done.accept(buf);
            return;
        }
        try {
            exchange.memory().grow(size, "the request body");
        } catch (ApiException e) {
            exchange.fail(e);
            return;
        }
        done.accept(Arrays.copyOf(buf, size));
    }

    @Override
    public void onError(Throwable t) {
        exchange.abandon();
    }
}
