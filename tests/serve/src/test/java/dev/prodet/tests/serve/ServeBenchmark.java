package dev.prodet.tests.serve;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.face.RgbImage;
import dev.prodet.api.model.InputTensors;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.Preprocessing;
import dev.prodet.serve.internal.TestPackages;
import dev.prodet.serve.internal.image.ImageDecoder;
import dev.prodet.serve.internal.image.ImageLimits;
import dev.prodet.tests.serve.support.Assets;
import dev.prodet.tests.serve.support.EdgeRuntime;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The serving benchmark (not a test): cold start to ready, p50/p99 latency and throughput of {@code /v1/detect}
 * (aligned crop, JPEG) at concurrency 1, 8 and 32 with batching on and off, and plain decode + preprocessing +
 * session run in one thread for comparison. The load generator runs on the same machine (loopback).
 * Run by {@link ServeBenchmarkIT}, or as a main class with arguments [input size, default 256] [seconds per level,
 * default 10] [key=value runtime settings ...].
 */
public final class ServeBenchmark {
    private ServeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            extra.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        run(args.length > 0 ? Integer.parseInt(args[0]) : 256, args.length > 1 ? Integer.parseInt(args[1]) : 10, extra);
    }

    /** Runs every measurement and prints one line each. */
    public static void run(int size, int seconds, Map<String, String> extra) throws Exception {
        Path dir = Files.createTempDirectory("prodet-serve-bench");
        Path models = Files.createDirectories(dir.resolve("models"));
        FacePreprocessorInfo face;
        try (EdgeRuntime rt = new EdgeRuntime(dir.resolve("probe"), models, Map.of())) {
            face = EdgeServeIT.facePreprocessor(rt);
        }
        ModelPackage pkg = TestPackages.export(models, "bench", "1", 1, face, size);
        byte[] crop = crop(size);
        System.out.println("runtime settings: " + extra);
        System.out.printf(
                "model: compact ProDet, input %dx%d, %d KB ONNX; request: %d-byte JPEG crop, aligned=true;"
                        + " %d cores%n",
                size,
                size,
                Files.size(pkg.modelFile()) / 1024,
                crop.length,
                Runtime.getRuntime().availableProcessors());
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (EdgeRuntime rt = new EdgeRuntime(dir.resolve("cold" + i), models, extra)) {
                rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(120));
                starts.add(rt.sinceStartNanos() / 1e6);
            }
        }
        System.out.printf("cold start to /v2/health/ready 200 (process start, 3 runs): %s ms%n", starts);
        for (boolean batching : new boolean[] {true, false}) {
            Map<String, String> settings = new java.util.LinkedHashMap<>(extra);
            settings.put("batching", Boolean.toString(batching));
            try (EdgeRuntime rt = new EdgeRuntime(dir.resolve("load-" + batching), models, settings)) {
                rt.await("/v2/health/ready", a -> a.status() == 200, Duration.ofSeconds(120));
                load(rt, crop, 4, 3); // warm-up
                for (int c : new int[] {1, 8, 32}) {
                    double[] r = load(rt, crop, c, seconds);
                    System.out.printf(
                            "batching %-3s concurrency %2d: %7.1f req/s, p50 %7.2f ms, p99 %7.2f ms"
                                    + " (%d requests)%n",
                            batching ? "on" : "off", c, r[0], r[1], r[2], (long) r[3]);
                }
                System.out.println("  server-side mean ms per stage over all levels: " + stageMeans(rt));
                var portrait = Assets.image("grace_hopper.jpg");
                if (batching && portrait.isPresent()) { // the whole pipeline: face detection, landmarks, alignment
                    byte[] jpg = Files.readAllBytes(portrait.get());
                    load(rt, "/v1/detect", jpg, 1, 2);
                    double[] r = load(rt, "/v1/detect", jpg, 1, seconds);
                    System.out.printf(
                            "face pipeline (512x600 portrait, concurrency 1): %.1f req/s, p50 %.2f ms, p99 %.2f ms%n",
                            r[0], r[1], r[2]);
                }
            }
        }
        raw(pkg, crop, 500);
        MediaBenchmark.run(dir, models, seconds);
    }

    /** Mean of each /v1/detect stage from the runtime's Prometheus histograms (sum / count), in ms. */
    static Map<String, String> stageMeans(EdgeRuntime rt) throws Exception {
        Map<String, Double> sum = new java.util.TreeMap<>();
        Map<String, Double> count = new java.util.TreeMap<>();
        for (String line : rt.get("/metrics").body().split("\n")) {
            var m = java.util.regex.Pattern.compile(
                            "prodet_stage_duration_seconds_(sum|count)\\{stage=\"(\\w+)\"} (\\S+)")
                    .matcher(line);
            if (m.matches()) {
                (m.group(1).equals("sum") ? sum : count).put(m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        sum.forEach((k, v) -> out.put(k, String.format("%.2f", 1000 * v / count.get(k))));
        return out;
    }

    /** A size×size JPEG face crop: the portrait's face region if fetched, else a gradient. */
    static byte[] crop(int size) throws Exception {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        var portrait = Assets.image("grace_hopper.jpg");
        if (portrait.isPresent()) {
            BufferedImage p = ImageIO.read(portrait.get().toFile()).getSubimage(140, 120, 260, 260);
            out.getGraphics().drawImage(p.getScaledInstance(size, size, Image.SCALE_SMOOTH), 0, 0, null);
        } else {
            out.getGraphics().drawImage(dev.prodet.serve.internal.image.Images.gradient(size, size), 0, 0, null);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(out, "jpeg", b);
        return b.toByteArray();
    }

    /** Closed-loop load: {@code clients} threads for {@code seconds}; returns req/s, p50 ms, p99 ms, count. */
    static double[] load(EdgeRuntime rt, byte[] crop, int clients, int seconds) throws Exception {
        return load(rt, "/v1/detect?aligned=true", crop, clients, seconds);
    }

    /** Closed-loop load on any detect path. */
    static double[] load(EdgeRuntime rt, String path, byte[] image, int clients, int seconds) throws Exception {
        return load(rt, path, image, clients, seconds, "image/jpeg");
    }

    /** Closed-loop load of any body type. */
    static double[] load(EdgeRuntime rt, String path, byte[] image, int clients, int seconds, String type)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<List<Long>>> fs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            fs.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    EdgeRuntime.Answer a = rt.post(path, type, image);
                    if (a.status() != 200) {
                        throw new IllegalStateException(a.body());
                    }
                    lat.add(System.nanoTime() - t);
                }
                return lat;
            }));
        }
        long[] all = fs.stream()
                .flatMap(f -> {
                    try {
                        return f.get().stream();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        pool.shutdown();
        return new double[] {all.length / (double) seconds, pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, all.length};
    }

    /** Decode + preprocessing + session run in one thread, no HTTP, no batching. */
    static void raw(ModelPackage pkg, byte[] crop, int n) throws Exception {
        Preprocessing pre = pkg.metadata().preprocessing();
        ImageDecoder dec = new ImageDecoder(new ImageLimits(8192, 1 << 26));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] decode = new long[n];
        long[] prep = new long[n];
        long[] run = new long[n];
        int s = pre.inputSize();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.addConfigEntry("session.intra_op.allow_spinning", "0"); // as the runtime runs it
            try (OrtSession session = env.createSession(pkg.modelFile().toString(), o)) {
                for (int i = -200; i < n; i++) { // 200 warm-up runs for the JIT
                    long t0 = System.nanoTime();
                    RgbImage img = dec.decode(crop);
                    long t1 = System.nanoTime();
                    float[] x = new float[InputTensors.size(pre)];
                    InputTensors.fill(img, pre, x, 0);
                    long t2 = System.nanoTime();
                    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, 3, s, s});
                            OrtSession.Result r = session.run(Map.of("image", t))) {
                        r.get("p_fake").orElseThrow();
                    }
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        decode[i] = t1 - t0;
                        prep[i] = t2 - t1;
                        run[i] = t3 - t2;
                    }
                }
            }
        }
        long[] total = new long[n];
        for (int i = 0; i < n; i++) {
            total[i] = decode[i] + prep[i] + run[i];
        }
        System.out.printf(
                "raw, one thread, %d runs (p50/p99 ms): decode %.2f/%.2f, preprocess %.2f/%.2f, session run"
                        + " %.2f/%.2f, total %.2f/%.2f%n",
                n,
                p(decode, .5),
                p(decode, .99),
                p(prep, .5),
                p(prep, .99),
                p(run, .5),
                p(run, .99),
                p(total, .5),
                p(total, .99));
    }

    private static double p(long[] v, double q) {
        long[] c = v.clone();
        Arrays.sort(c);
        return pct(c, q) / 1e6;
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
