package dev.prodet.train.djl.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code runs/<id>/scalars.jsonl}: one JSON object per line, flushed per line so a crash loses at most the line
 * being written. Steps: {@code {"step", "loss", <components>, "strategy", "imagesPerSecond", "time"}}; events
 * carry an {@code "event"} key: {@code swap} (from, to), {@code resume}, {@code waiting} (the strategy whose service
 * is gone), {@code budget}.
 */
final class ScalarsLog implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final BufferedWriter out;

    ScalarsLog(Path file) throws IOException {
        Files.createDirectories(
                java.util.Objects.requireNonNull(file.toAbsolutePath().getParent()));
        out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void step(TrainingSession.StepResult r, String strategy, double imagesPerSecond) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", r.step());
        m.put("loss", r.loss());
        m.putAll(r.components());
        m.put("strategy", strategy);
        m.put("imagesPerSecond", imagesPerSecond);
        m.put("time", System.currentTimeMillis());
        write(m);
    }

    void event(String event, long step, Map<String, Object> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("step", step);
        m.putAll(details);
        m.put("time", System.currentTimeMillis());
        write(m);
    }

    private synchronized void write(Map<String, Object> m) {
        try {
            out.write(JSON.writeValueAsString(m));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to scalars.jsonl: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
