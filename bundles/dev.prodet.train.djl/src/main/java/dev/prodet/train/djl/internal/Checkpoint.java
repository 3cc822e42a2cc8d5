package dev.prodet.train.djl.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.prodet.api.model.TrainingCheckpoint;
import dev.prodet.api.nn.Network;
import dev.prodet.api.nn.NetworkJson;
import dev.prodet.api.nn.ParameterFile;
import dev.prodet.api.nn.ParameterSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes and restores the checkpoints of a run ({@link TrainingCheckpoint}, the engine-neutral format the exporter
 * reads too): {@code network.json}, {@code params.bin} and {@code optimizer.bin}, then {@code state.json}. It is
 * written into a temporary folder and renamed into place, so a crash leaves either the whole checkpoint or none.
 */
final class Checkpoint {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Checkpoint() {}

    static Path write(Path checkpoints, TrainingSession session, TrainingCheckpoint.State state) throws IOException {
        Files.createDirectories(checkpoints);
        String name = TrainingCheckpoint.folderName(state.step());
        Path tmp = Files.createTempDirectory(checkpoints, "." + name + "-");
        Network net = session.block().network();
        Map<String, long[]> shapes = new HashMap<>();
        for (ParameterSpec p : net.parameters()) {
            shapes.put(p.name(), p.shape());
        }
        try (OutputStream out = Files.newOutputStream(tmp.resolve(TrainingCheckpoint.PARAMS))) {
            ParameterFile.write(out, session.block().values(), shapes);
        }
        Map<String, float[]> opt = session.optimizer().state();
        Map<String, long[]> optShapes = new HashMap<>();
        opt.forEach((k, v) -> optShapes.put(k, new long[] {v.length}));
        try (OutputStream out = Files.newOutputStream(tmp.resolve(TrainingCheckpoint.OPTIMIZER))) {
            ParameterFile.write(out, opt, optShapes);
        }
        Files.writeString(tmp.resolve(TrainingCheckpoint.NETWORK), NetworkJson.write(net), StandardCharsets.UTF_8);
        JSON.writeValue(tmp.resolve(TrainingCheckpoint.STATE).toFile(), state);
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

    /** What a resumed run starts from: parameter values, optimizer state and the first step to run. */
    record Restored(
            Map<String, float[]> params,
            Map<String, float[]> optimizer,
            long firstStep,
            TrainingCheckpoint.State state) {}

    /** The newest checkpoint of a run folder, ready to resume from. */
    static Optional<Restored> restore(Path checkpoints) throws IOException {
        Optional<TrainingCheckpoint> latest = TrainingCheckpoint.latest(checkpoints);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        TrainingCheckpoint c = latest.get();
        TrainingCheckpoint.State st = c.state();
        return Optional.of(new Restored(c.params(), c.optimizer(), st.step() + 1, st));
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
