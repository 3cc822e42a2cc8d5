package dev.prodet.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.nn.ParameterFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCheckpointTest {
    static final Preprocessing PREP = new Preprocessing(
            64, List.of(0.5, 0.5, 0.5), List.of(0.5, 0.5, 0.5), "RGB", new FacePreprocessorInfo("procedural", "1"));

    @TempDir
    Path runs;

    @Test
    void readsWhatTheTrainerWrites() throws Exception {
        TrainingCheckpoint.State state = new TrainingCheckpoint.State(
                41,
                "opr-tb",
                7,
                "r1",
                "compact",
                List.of("sbi", "cbi"),
                "ffpp",
                PREP,
                32,
                new InitialWeights("weights/b4.safetensors", "f".repeat(64)),
                "v1.0-3-gabc");
        Path dir = write(runs.resolve(TrainingCheckpoint.folderName(41)), state);
        try (OutputStream out = Files.newOutputStream(dir.resolve(TrainingCheckpoint.PARAMS))) {
            ParameterFile.write(out, Map.of("w", new float[] {1, 2, 3}), Map.of("w", new long[] {3}));
        }
        TrainingCheckpoint c = new TrainingCheckpoint(dir);
        assertEquals(state, c.state());
        assertEquals(PREP, c.state().requirePreprocessing());
        assertArrayEquals(new float[] {1, 2, 3}, c.params().get("w"));
    }

    @Test
    void theLatestIsTheNewestCompleteFolder() throws Exception {
        assertEquals(Optional.empty(), TrainingCheckpoint.latest(runs.resolve("none")));
        write(runs.resolve(TrainingCheckpoint.folderName(9)), state(9));
        write(runs.resolve(TrainingCheckpoint.folderName(10)), state(10));
        Files.createDirectories(runs.resolve(TrainingCheckpoint.folderName(11))); // no state.json: being written
        write(runs.resolve("." + TrainingCheckpoint.folderName(12) + "-tmp"), state(12)); // a temporary folder
        assertEquals(
                runs.resolve("step-00000010"),
                TrainingCheckpoint.latest(runs).orElseThrow().dir());
    }

    @Test
    void aPartialStateNamesTheFileAndWhatIsMissing() throws Exception {
        Path dir = Files.createDirectories(runs.resolve("step-00000003"));
        Files.writeString(dir.resolve(TrainingCheckpoint.STATE), "{\"step\": 3, \"runId\": \"r1\"}");
        IOException e = assertThrows(IOException.class, () -> new TrainingCheckpoint(dir).state());
        assertTrue(e.getMessage().contains(dir.resolve(TrainingCheckpoint.STATE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("strategy"), e.getMessage());
    }

    @Test
    void aStateWrittenBeforeFramesAndStartingWeightsWereRecordedReadsAsNotRecorded() throws Exception {
        Path dir = Files.createDirectories(runs.resolve("step-00000004"));
        Files.writeString(
                dir.resolve(TrainingCheckpoint.STATE),
                "{\"step\":4,\"strategy\":\"opr-tb\",\"seed\":1,\"runId\":\"old\",\"backbone\":\"compact\","
                        + "\"generators\":[],\"dataset\":\"d:train\",\"preprocessing\":null}");
        TrainingCheckpoint.State s = new TrainingCheckpoint(dir).state();
        assertEquals(0, s.framesPerVideo());
        assertNull(s.pretrained());
        assertNull(s.codeVersion());
        assertEquals("old", s.runId());

        Files.writeString(dir.resolve(TrainingCheckpoint.STATE), "[4]");
        IOException e = assertThrows(IOException.class, () -> new TrainingCheckpoint(dir).state());
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
    }

    @Test
    void aCheckpointWithoutPreprocessingCannotBeExported() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TrainingCheckpoint.State(
                        2, "opr-tb", 5, "old-run", "compact", List.of(), "synthetic", null)
                .requirePreprocessing());
        assertTrue(e.getMessage().contains("old-run"), e.getMessage());
    }

    private static TrainingCheckpoint.State state(long step) {
        return new TrainingCheckpoint.State(step, "opr-tb", 1, "r", "compact", List.of(), "synthetic", PREP);
    }

    private static Path write(Path dir, TrainingCheckpoint.State state) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().writeValue(dir.resolve(TrainingCheckpoint.STATE).toFile(), state);
        return dir;
    }
}
