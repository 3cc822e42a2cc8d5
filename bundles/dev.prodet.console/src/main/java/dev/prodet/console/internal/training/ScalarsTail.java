package dev.prodet.console.internal.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code scalars.jsonl} on from a byte offset, whole lines only, at most {@code maxBytes} per call, so a page
 * polls a growing file cheaply and a long run's history arrives in bounded pieces. A line being written (no newline
 * yet) is left for the next call; a line that is not JSON is counted and skipped.
 */
final class ScalarsTail {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What one read found.
     *
     * @param records the JSON objects of the complete lines read
     * @param next offset to read on from
     * @param size the file's size when read
     * @param skipped lines that were not JSON objects
     */
    record Chunk(List<JsonNode> records, long next, long size, int skipped) {}

    private ScalarsTail() {}

    static Chunk read(Path file, long from, int maxBytes) throws IOException {
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0, got " + from);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (from >= size) {
                return new Chunk(List.of(), Math.min(from, size), size, 0);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(maxBytes, size - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read until full or end of file
            }
            byte[] b = buf.array();
            int end = buf.position();
            int lastNewline = -1;
            for (int i = end - 1; i >= 0; i--) {
                if (b[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                // an unfinished last line, or one longer than a whole chunk (skipped, so reading goes on)
                return end == maxBytes
                        ? new Chunk(List.of(), from + end, size, 1)
                        : new Chunk(List.of(), from, size, 0);
            }
            List<JsonNode> records = new ArrayList<>();
            int skipped = 0;
            int start = 0;
            for (int i = 0; i <= lastNewline; i++) {
                if (b[i] == '\n') {
                    String line = new String(b, start, i - start, StandardCharsets.UTF_8).trim();
                    start = i + 1;
                    if (line.isEmpty()) {
                        continue;
                    }
                    try {
                        JsonNode n = JSON.readTree(line);
                        if (n != null && n.isObject()) {
                            records.add(n);
                        } else {
                            skipped++;
                        }
                    } catch (IOException e) {
                        skipped++;
                    }
                }
            }
            return new Chunk(records, from + lastNewline + 1, size, skipped);
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), 0, 0, 0); // no step written yet
        }
    }
}
