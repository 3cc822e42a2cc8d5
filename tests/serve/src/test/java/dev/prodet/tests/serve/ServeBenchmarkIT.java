package dev.prodet.tests.serve;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The serving benchmark as a tagged test, run on request like the other benchmarks:
 * {@code mvn -B -o verify -pl tests/serve -Dgroups=benchmark -Dbenchmarks.excluded=none -Dit.test=ServeBenchmarkIT}
 * (system properties {@code bench.size}, default 256, and {@code bench.seconds}, default 10 per level). It asserts
 * nothing; the numbers go to docs/benchmarks.md with the machine and this command.
 */
@Tag("benchmark")
class ServeBenchmarkIT {
    @Test
    void measure() throws Exception {
        ServeBenchmark.run(Integer.getInteger("bench.size", 256), Integer.getInteger("bench.seconds", 10), Map.of());
    }
}
