package dev.prodet.serve.internal.repo;

import dev.prodet.api.face.FacePreprocessorInfo;
import dev.prodet.api.model.ModelPackage;
import dev.prodet.api.model.ModelPackageException;
import dev.prodet.serve.internal.infer.InferenceModel;
import dev.prodet.serve.internal.infer.Runner;
import dev.prodet.serve.internal.repo.VersionStatus.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The model repository {@code <root>/<name>/<version>/{model.onnx, model.json}}. {@link #poll()} reconciles what
 * serves with what is on disk and the version policy; {@link #load} and {@link #unload} do it for one model on
 * request (an unloaded model stays unloaded by polling until loaded again). Loading happens beside the serving
 * versions; the new set is published atomically and replaced versions close when their last request ends.
 * Reconciliation is serialised; {@link #acquire} takes no lock.
 */
public final class ModelRepository implements AutoCloseable {
    private final Path root;
    private final VersionPolicy defaultPolicy;
    private final Map<String, VersionPolicy> policies;
    private final VersionLoader loader;
    private final Supplier<FacePreprocessorInfo> preprocessor;
    private final RepositoryEvents events;
    private final long settleMillis;
    private final Map<String, ModelSlot> slots = new ConcurrentHashMap<>();
    private final Set<String> unloaded = ConcurrentHashMap.newKeySet();
    private final PackageFingerprint fingerprints = new PackageFingerprint();
    private volatile boolean scanned;
    private volatile String rootProblem = "";

    /**
     * @param root the repository folder
     * @param defaultPolicy policy of models without their own
     * @param policies per-model policies by model name
     * @param loader makes runnable versions
     * @param preprocessor the face preprocessing requests will use, checked against each package; null result
     *     when none is available yet (then the check happens per request)
     * @param events observer
     * @param settleMillis a package whose files changed more recently than this is left for the next poll
     */
    public ModelRepository(
            Path root,
            VersionPolicy defaultPolicy,
            Map<String, VersionPolicy> policies,
            VersionLoader loader,
            Supplier<FacePreprocessorInfo> preprocessor,
            RepositoryEvents events,
            long settleMillis) {
        this.root = root;
        this.defaultPolicy = defaultPolicy;
        this.policies = Map.copyOf(policies);
        this.loader = loader;
        this.preprocessor = preprocessor;
        this.events = events;
        this.settleMillis = settleMillis;
    }

    /** Reconciles every model with the disk. */
    public synchronized void poll() {
        List<String> names = Folders.children(root);
        rootProblem = Files.isDirectory(root) ? "" : "model repository " + root + " is not a directory";
        for (String name : names) {
            if (!unloaded.contains(name)) {
                reconcile(name);
            }
        }
        for (ModelSlot slot : slots.values()) {
            if (!names.contains(slot.name)) {
                replace(slot, new TreeMap<>(VersionOrder.INSTANCE), "its folder was removed");
            }
            slot.draining.removeIf(ServedVersion::isClosed);
        }
        fingerprints.prune();
        scanned = true;
    }

    /**
     * Loads (or reloads) one model according to its policy, also after {@link #unload}.
     *
     * @throws IllegalArgumentException when the repository has no such model folder
     */
    public synchronized List<VersionStatus> load(String name) {
        if (!Folders.SEGMENT.matcher(name).matches() || !Files.isDirectory(root.resolve(name))) {
            throw new IllegalArgumentException(
                    "no model '" + name + "' in " + root + "; models there: " + Folders.children(root));
        }
        unloaded.remove(name);
        reconcile(name);
        return status(name);
    }

    /** Stops serving a model (in-flight requests finish first); polling leaves it unloaded. */
    public synchronized List<VersionStatus> unload(String name) {
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("model '" + name + "' is not loaded; loaded: " + modelNames());
        }
        unloaded.add(name);
        replace(slot, new TreeMap<>(VersionOrder.INSTANCE), "unloaded on request");
        return status(name);
    }

    /**
     * A lease on a serving version: the named one, or the latest when {@code version} is null. Null when the
     * model or version does not serve.
     */
    public Lease acquire(String name, String version) {
        ModelSlot slot = slots.get(name);
        return slot == null ? null : slot.acquire(version);
    }

    /** Serving versions of a model, oldest first; empty when none. */
    public List<ServedVersion> serving(String name) {
        ModelSlot slot = slots.get(name);
        return slot == null ? List.of() : List.copyOf(slot.serving().values());
    }

    /** Names of the models with at least one serving version, sorted. */
    public List<String> modelNames() {
        return slots.values().stream()
                .filter(s -> !s.serving().isEmpty())
                .map(s -> s.name)
                .sorted()
                .toList();
    }

    /**
     * Models found in the repository (and not unloaded on request) that have no serving version, e.g. because
     * every version failed. Takes no lock, so health probes never wait for a model load.
     */
    public List<String> notServing() {
        return slots.values().stream()
                .filter(s ->
                        s.serving().isEmpty() && !unloaded.contains(s.name) && Files.isDirectory(root.resolve(s.name)))
                .map(s -> s.name)
                .sorted()
                .toList();
    }

    /** Status of every version the repository has touched, by model then version. */
    public synchronized List<VersionStatus> status() {
        List<VersionStatus> out = new ArrayList<>();
        new TreeMap<>(slots).keySet().forEach(n -> out.addAll(status(n)));
        return out;
    }

    /** Whether the first poll has finished. */
    public boolean scanned() {
        return scanned;
    }

    /** The repository folder, followed by why it cannot be read when it cannot: for messages. */
    public String describeRoot() {
        String problem = rootProblem;
        return problem.isEmpty() ? root.toString() : root + " (" + problem + ")";
    }

    /** Whether the first scan has finished, found a model, and every model found serves a version. */
    public boolean ready() {
        return scanned && !modelNames().isEmpty() && notServing().isEmpty();
    }

    @Override
    public synchronized void close() {
        for (ModelSlot slot : slots.values()) {
            replace(slot, new TreeMap<>(VersionOrder.INSTANCE), "runtime stopping");
        }
    }

    private List<VersionStatus> status(String name) {
        ModelSlot slot = slots.get(name);
        if (slot == null) {
            return List.of();
        }
        List<VersionStatus> out = new ArrayList<>();
        for (VersionStatus s : slot.records.values()) {
            ServedVersion sv = slot.serving().get(s.version());
            int inFlight = sv != null
                    ? sv.inFlight()
                    : slot.draining.stream()
                            .filter(d -> d.version().equals(s.version()) && !d.isClosed())
                            .mapToInt(ServedVersion::inFlight)
                            .sum();
            out.add(new VersionStatus(
                    s.name(), s.version(), s.state(), s.provider(), inFlight, s.message(), s.since()));
        }
        return out;
    }

    private void reconcile(String name) {
        ModelSlot slot = slots.computeIfAbsent(name, ModelSlot::new);
        VersionPolicy policy = policies.getOrDefault(name, defaultPolicy);
        Path dir = root.resolve(name);
        NavigableMap<String, ServedVersion> current = slot.serving();
        NavigableMap<String, ServedVersion> next = new TreeMap<>(VersionOrder.INSTANCE);
        long now = System.currentTimeMillis();
        List<String> versions = Folders.children(dir);
        versions.sort(VersionOrder.INSTANCE);
        for (String v : policy.candidates(versions)) {
            if (next.size() >= policy.keep()) {
                break;
            }
            ServedVersion cur = current.get(v);
            String fp = fingerprints.of(dir.resolve(v), settleMillis, now);
            boolean unchanged = cur != null && cur.fingerprint().equals(fp);
            boolean knownBad = fp != null && fp.equals(slot.failedFiles.get(v));
            ServedVersion chosen = cur;
            if (fp != null && !unchanged && !knownBad) {
                ServedVersion loaded = tryLoad(slot, dir.resolve(v), v, fp);
                chosen = loaded != null ? loaded : cur; // a broken replacement leaves the old one serving
            }
            if (chosen != null) {
                next.put(v, chosen);
            }
        }
        replace(slot, next, "not selected by version policy " + policy);
        // forget versions whose folders are gone (a draining one keeps its record until it closes)
        slot.records
                .keySet()
                .removeIf(v -> !versions.contains(v)
                        && !next.containsKey(v)
                        && slot.draining.stream().noneMatch(d -> d.version().equals(v) && !d.isClosed()));
        slot.failedFiles.keySet().retainAll(versions);
    }

    /** Publishes {@code next} and unloads every previously serving version not in it. */
    private void replace(ModelSlot slot, NavigableMap<String, ServedVersion> next, String why) {
        NavigableMap<String, ServedVersion> before = slot.serving();
        slot.publish(next);
        for (ServedVersion old : before.values()) {
            if (next.get(old.version()) != old) {
                VersionStatus st = new VersionStatus(
                        slot.name,
                        old.version(),
                        State.UNLOADED,
                        old.model().provider(),
                        old.inFlight(),
                        why,
                        System.currentTimeMillis());
                if (!next.containsKey(old.version())) { // else the same version was reloaded from new files
                    slot.records.put(old.version(), st);
                    events.unloaded(st);
                }
                slot.draining.add(old);
                old.retire();
            }
        }
    }

    private ServedVersion tryLoad(ModelSlot slot, Path dir, String version, String fp) {
        InferenceModel model = null;
        try {
            ModelPackage pkg = ModelPackage.open(dir);
            if (!pkg.metadata().name().equals(slot.name)
                    || !pkg.metadata().version().equals(version)) {
                throw new ModelPackageException(
                        pkg.metadataFile() + " describes model "
                                + pkg.metadata().name() + " version "
                                + pkg.metadata().version() + " but lies in " + slot.name + "/" + version,
                        pkg.metadataFile());
            }
            FacePreprocessorInfo face = preprocessor.get();
            if (face != null) {
                pkg.verifyPreprocessor(face);
            }
            model = loader.load(pkg);
            Runner runner = loader.runner(model);
            ServedVersion sv = new ServedVersion(model, runner, fp, events);
            VersionStatus st = new VersionStatus(
                    slot.name, version, State.READY, model.provider(), 0, "", System.currentTimeMillis());
            slot.records.put(version, st);
            slot.failedFiles.remove(version);
            events.loaded(st);
            return sv;
        } catch (ModelPackageException | RuntimeException | LinkageError e) {
            if (model != null) {
                model.close();
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            VersionStatus st =
                    new VersionStatus(slot.name, version, State.FAILED, "", 0, msg, System.currentTimeMillis());
            slot.records.put(version, st);
            slot.failedFiles.put(version, fp);
            events.failed(st);
            return null;
        }
    }
}
