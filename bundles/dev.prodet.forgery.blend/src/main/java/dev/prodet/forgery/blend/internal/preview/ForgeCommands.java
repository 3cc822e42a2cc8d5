package dev.prodet.forgery.blend.internal.preview;

import dev.prodet.api.data.Dataset;
import dev.prodet.api.data.DatasetProvider;
import dev.prodet.api.data.FaceSample;
import dev.prodet.api.data.Split;
import dev.prodet.api.forgery.Forgery;
import dev.prodet.api.forgery.ForgeryGenerator;
import dev.prodet.api.forgery.NoDonorException;
import dev.prodet.api.plugin.PluginProperties;
import dev.prodet.forgery.blend.LandmarkDonorIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code prodet:forge --dataset DIR [--split train] [--preview N] [--generators sbi,cbi,swap] [--out FILE.png]
 * [--seed S] [--dump DIR]}: a PNG contact sheet with one row per real face: the real crop, each generator's
 * forgery, then each forgery's blend mask. {@code --dump} also writes every crop as its own PNG
 * ({@code <row>-real.png}, {@code <row>-<generator>.png}), e.g. to send them to a detector.
 */
@Component(service = ForgeCommands.class)
@GogoCommand(scope = "prodet", function = "forge")
public final class ForgeCommands {
    static final String USAGE = "usage: prodet:forge --dataset DIR [--split train] [--preview N] "
            + "[--generators sbi,cbi,swap] [--out FILE.png] [--seed S] [--dump DIR]";
    private static final int CELL = 128;
    private final BundleContext context;

    @Activate
    public ForgeCommands(BundleContext context) {
        this.context = context;
    }

    @Descriptor("write a contact sheet: real | each generator's forgery | masks")
    public String forge(
            @Descriptor("--dataset DIR [--split S] [--preview N] [--generators a,b] [--out F]") String... args)
            throws IOException, InvalidSyntaxException {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad argument '" + args[i] + "'; " + USAGE);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (!o.containsKey("dataset")) {
            throw new IllegalArgumentException(USAGE);
        }
        int n = Integer.parseInt(o.getOrDefault("preview", "6"));
        List<String> names =
                List.of(o.getOrDefault("generators", "sbi,cbi,swap").split(","));
        Dataset dataset = service(DatasetProvider.class, "dataset", "prepared").open(Path.of(o.get("dataset")));
        List<FaceSample> faces = dataset.samples(Split.parse(o.getOrDefault("split", "train")));
        if (faces.isEmpty()) {
            throw new IllegalArgumentException(
                    "the " + o.getOrDefault("split", "train") + " split of " + o.get("dataset") + " is empty");
        }
        List<ForgeryGenerator> gens = new ArrayList<>();
        for (String g : names) {
            gens.add(service(ForgeryGenerator.class, "generator", g.trim()));
        }
        LandmarkDonorIndex donors = LandmarkDonorIndex.of(faces);
        SplittableRandom rng = new SplittableRandom(Long.parseLong(o.getOrDefault("seed", "1")));
        ContactSheet sheet = ContactSheet.of(n, 1 + 2 * gens.size(), CELL);
        int failed = 0;
        Path dump = o.containsKey("dump") ? Files.createDirectories(Path.of(o.get("dump"))) : null;
        for (int row = 0; row < n; row++) {
            FaceSample face = faces.get(rng.nextInt(faces.size()));
            sheet.put(row, 0, face.face().image());
            if (dump != null) {
                ImageIO.write(
                        ContactSheet.toImage(face.face().image()),
                        "png",
                        dump.resolve(row + "-real.png").toFile());
            }
            for (int g = 0; g < gens.size(); g++) {
                try {
                    Forgery f = gens.get(g).generate(face, donors, rng.split());
                    sheet.put(row, 1 + g, f.image());
                    if (dump != null) {
                        ImageIO.write(
                                ContactSheet.toImage(f.image()),
                                "png",
                                dump.resolve(row + "-" + names.get(g).trim() + ".png")
                                        .toFile());
                    }
                    sheet.put(
                            row,
                            1 + gens.size() + g,
                            ContactSheet.maskImage(
                                    f.mask(), f.image().width(), f.image().height()));
                } catch (NoDonorException e) {
                    failed++; // the cell stays black: no silent self blend
                }
            }
        }
        Path out = Path.of(o.getOrDefault("out", "forge-preview.png")).toAbsolutePath();
        Files.createDirectories(java.util.Objects.requireNonNull(out.getParent(), "output has no folder"));
        ImageIO.write(sheet.image(), "png", out.toFile());
        List<String> header = new ArrayList<>(List.of("real"));
        header.addAll(names);
        names.forEach(g -> header.add(g + " mask"));
        return "wrote " + out + " (" + n + " rows; columns: " + ContactSheet.header(header) + ")"
                + (failed > 0 ? "; " + failed + " forgeries had no donor (black cells)" : "");
    }

    private <T> T service(Class<T> type, String kind, String name) throws InvalidSyntaxException {
        for (ServiceReference<T> r : context.getServiceReferences(type, PluginProperties.targetFilter(kind, name))) {
            T s = context.getService(r);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalArgumentException("no " + kind + " plugin named '" + name + "' is running");
    }
}
