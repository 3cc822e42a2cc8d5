package dev.prodet.train.djl.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterFile;
import dev.prodet.api.nn.ParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A checkpoint folder {@code runs/<id>/checkpoints/step-NNNNNNNN/}: {@code network.json}, {@code params.bin} (engine
 * neutral, so the exporter reads it without DJL), {@code optimizer.bin} and {@code state.json} (step, strategy,
 * seed). It is written into a temporary folder and renamed into place, so a crash leaves either the whole
 * checkpoint or none; the newest complete one is found by name.
 */
final class Checkpoint {
    static final String PARAMS = "params.bin";
    static final String OPTIMIZER = "optimizer.bin";
    static final String NETWORK = "network.json";
    static final String STATE = "state.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * What state.json records: the step, the strategy then in use, and what the exporter needs to write a model
     * package without the training config (backbone, generators, dataset, input preprocessing).
     */
    record State(
            long step,
            String strategy,
            long seed,
            String runId,
            String backbone,
            List<String> generators,
            String dataset,
            Preprocessing preprocessing) {}

    private Checkpoint() {}

    static Path write(Path checkpoints, TrainingSession session, State state) throws IOException {
        Files.createDirectories(checkpoints);
        String name = String.format("step-%08d", state.step());
        Path tmp = Files.createTempDirectory(checkpoints, "." + name + "-");
        Network net = session.block().network();
        Map<String, long[]> shapes = new HashMap<>();
        for (ParameterSpec p : net.parameters()) {
            shapes.put(p.name(), p.shape());
        }
        try (OutputStream out = Files.newOutputStream(tmp.resolve(PARAMS))) {
            ParameterFile.write(out, session.block().values(), shapes);
        }
        Map<String, float[]> opt = session.optimizer().state();
        Map<String, long[]> optShapes = new HashMap<>();
        opt.forEach((k, v) -> optShapes.put(k, new long[] {v.length}));
        try (OutputStream out = Files.newOutputStream(tmp.resolve(OPTIMIZER))) {
            ParameterFile.write(out, opt, optShapes);
        }
        Files.writeString(tmp.resolve(NETWORK), NetworkJson.write(net), StandardCharsets.UTF_8);
        JSON.writeValue(tmp.resolve(STATE).toFile(), state);
        Path target = checkpoints.resolve(name);
        if (Files.exists(target)) {
            deleteTree(target);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        return target;
    }

    /** The newest complete checkpoint, if any (temporary folders start with a dot and are ignored). */
    static Optional<Path> latest(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-"))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
    }

    /** What a resumed run starts from: parameter values, optimizer state and the first step to run. */
    record Restored(Map<String, float[]> params, Map<String, float[]> optimizer, long firstStep, State state) {}

    /** The newest checkpoint of a run folder, ready to resume from. */
    static Optional<Restored> restore(Path checkpoints) throws IOException {
        Optional<Path> latest = latest(checkpoints);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        State st = readState(latest.get());
        return Optional.of(new Restored(readParams(latest.get()), readOptimizer(latest.get()), st.step() + 1, st));
    }

    static State readState(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(STATE).toFile(), State.class);
    }

    static Map<String, float[]> readParams(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(PARAMS))) {
            return ParameterFile.read(in);
        }
    }

    static Map<String, float[]> readOptimizer(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(OPTIMIZER))) {
            return ParameterFile.read(in);
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
