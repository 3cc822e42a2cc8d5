package dev.prodet.eval.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prodet.api.data.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalArgsTest {
    @Test
    void defaultsAndRepeatedDatasets() {
        EvalArgs a = EvalArgs.parse(
                "--model", "models/m/1", "--dataset", "data/ffpp", "data/cdf", "--dataset", "data/dfdc/manifest.json");
        assertEquals("models/m/1", a.model());
        assertEquals(List.of("data/ffpp", "data/cdf", "data/dfdc/manifest.json"), a.datasets());
        assertEquals(Split.TEST, a.options().split());
        assertFalse(a.options().robustness());
        assertTrue(Double.isNaN(a.options().threshold()));
        assertNull(a.out());
        assertNull(a.runId());
        assertTrue(a.forge().isEmpty());
    }

    @Test
    void everyOption() {
        EvalArgs a = EvalArgs.parse(
                "--model",
                "m",
                "--dataset",
                "d",
                "--split",
                "val",
                "--robustness",
                "--out",
                "reports/x",
                "--scorer",
                "onnx",
                "--batch",
                "8",
                "--seed",
                "3",
                "--bootstrap",
                "50",
                "--map-faces",
                "0",
                "--threshold",
                "0.7",
                "--forge",
                "sbi,cbi");
        assertEquals(List.of("sbi", "cbi"), a.forge());
        assertEquals(Split.VAL, a.options().split());
        assertTrue(a.options().robustness());
        assertEquals("reports/x", a.out());
        assertEquals("onnx", a.scorer());
        assertEquals(8, a.options().batch());
        assertEquals(3, a.options().seed());
        assertEquals(50, a.options().bootstrap());
        assertEquals(0, a.options().mapFaces());
        assertEquals(0.7, a.options().threshold());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalArgs.parse("--dataset", "d"))
                .getMessage()
                .startsWith("--model is required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalArgs.parse("--model", "m"))
                .getMessage()
                .startsWith("--dataset is required"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EvalArgs.parse("--model", "m", "--dataset", "d", "--fast"))
                .getMessage()
                .contains("unexpected argument '--fast'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalArgs.parse("--model", "--dataset", "d"))
                .getMessage()
                .contains("--model needs a value"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EvalArgs.parse("--model", "m", "--dataset", "d", "--batch", "many"))
                .getMessage()
                .contains("whole number"));
        assertThrows(
                IllegalArgumentException.class,
                () -> EvalArgs.parse("--model", "m", "--dataset", "d", "--out", "o", "--run-id", "r"));
        assertThrows(
                IllegalArgumentException.class,
                () -> EvalArgs.parse("--model", "m", "--dataset", "d", "--split", "holdout"));
    }
}
