package dev.prodet.data.internal.command;

import dev.prodet.api.data.FrameIndices;
import dev.prodet.data.internal.prepare.PrepareReport;
import dev.prodet.data.internal.prepare.Preparer;
import dev.prodet.data.internal.sample.SampleDataBuilder;
import dev.prodet.data.internal.source.SourceAdapter;
import dev.prodet.data.internal.source.SourceAdapters;
import dev.prodet.face.FacePreprocessor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code prodet:data sample [--out DIR] [--frames N]} and {@code prodet:data prepare --dataset ffpp|celebdf|folder
 * --root DIR --out DIR [--frames N] [--compression c23]}. Both print a summary and fail (non-zero exit status from
 * {@code ./prodet}) when any video failed; the failed videos are listed with path and reason, here and in the
 * dataset folder's {@code report.json}.
 */
@Component(service = DataCommands.class)
@GogoCommand(scope = "prodet", function = "data")
public final class DataCommands {

    static final String USAGE = "data sample [--out DIR] [--frames N] | data prepare --dataset ffpp|celebdf|folder "
            + "--root DIR --out DIR [--frames N] [--compression c0|c23|c40]";

    private final FacePreprocessor faces;
    private final DataHome home;

    @Activate
    public DataCommands(BundleContext context, @Reference FacePreprocessor faces) {
        this.faces = faces;
        this.home = new DataHome(context::getProperty);
    }

    @Descriptor("build the sample dataset from the fetched assets, or prepare a dataset: " + USAGE)
    public String data(@Descriptor("sample | prepare, then options") String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            PrepareReport report;
            Path out;
            switch (args[0]) {
                case "sample" -> {
                    DataArgs a = new DataArgs(rest, Set.of("out", "frames"), USAGE);
                    out = Path.of(a.get("out", home.sampleDir().toString()));
                    report = SampleDataBuilder.build(
                            faces,
                            home.assetsDir(),
                            out,
                            a.intValue("frames", SampleDataBuilder.DEFAULT_FRAMES),
                            threads,
                            System.err);
                }
                case "prepare" -> {
                    DataArgs a = new DataArgs(rest, Set.of("dataset", "root", "out", "frames", "compression"), USAGE);
                    SourceAdapter adapter = adapter(a.require("dataset", USAGE), a.get("compression", "c23"));
                    Path root = Path.of(a.require("root", USAGE));
                    out = Path.of(a.require("out", USAGE));
                    report = new Preparer(faces, a.intValue("frames", FrameIndices.DEFAULT_FRAMES), threads, System.err)
                            .prepare(adapter.name(), root, adapter.list(root), out);
                }
                default ->
                    throw new IllegalArgumentException("unknown data command '" + args[0] + "'; usage: " + USAGE);
            }
            String text = report.summary() + System.lineSeparator() + "dataset: " + out.toAbsolutePath()
                    + " (manifest.json, " + Preparer.REPORT + ")";
            if (!report.ok()) {
                throw new IllegalStateException(
                        report.failures().size() + " video(s) failed" + System.lineSeparator() + text);
            }
            return text;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static SourceAdapter adapter(String name, String compression) {
        return SourceAdapters.byName(name, compression);
    }
}
