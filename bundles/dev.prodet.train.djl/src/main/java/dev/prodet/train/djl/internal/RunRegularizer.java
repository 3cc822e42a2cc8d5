package dev.prodet.train.djl.internal;

import dev.prodet.api.plugin.PluginProperties;
import dev.prodet.train.api.RegularizerStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The regularizer strategy of one run, looked up by plugin name in the service registry: a {@link ServiceTracker}
 * on {@code (&(objectClass=RegularizerStrategy)(prodet.regularizer.name=NAME))}, so the run follows that plugin's
 * services (a bundle update or a higher-ranked service of the same name is picked up at the next step boundary; a
 * stopped bundle leaves the run waiting) and no other run is affected. A swap retargets the tracker; the runner
 * applies it between steps and {@linkplain #applied confirms} it.
 */
final class RunRegularizer implements RunStrategy {
    private static final String KIND = "regularizer";

    private final BundleContext context;
    private String wanted;
    private ServiceTracker<RegularizerStrategy, RegularizerStrategy> tracker;
    // the trackers of earlier names stay open (their service got) until the runner has switched away from them
    private final List<ServiceTracker<RegularizerStrategy, RegularizerStrategy>> retired = new ArrayList<>();
    private CompletableFuture<Long> pending;
    private boolean closed;

    /**
     * Tracks the strategy {@code name}, waiting up to {@code waitMillis} for it to be registered (strategy bundles
     * may still be starting when the first run is asked for).
     *
     * @throws IllegalArgumentException when no strategy of that name appears, listing the names there are
     */
    RunRegularizer(BundleContext context, String name, long waitMillis) throws InterruptedException {
        this.context = context;
        this.wanted = name;
        this.tracker = track(name);
        if (tracker.waitForService(Math.max(1, waitMillis)) == null) {
            tracker.close();
            throw unknown(name);
        }
    }

    /** The highest-ranked service of the wanted name now, or {@code null} while there is none. */
    @Override
    public synchronized RegularizerStrategy get() {
        return closed ? null : tracker.getService();
    }

    @Override
    public synchronized String wanted() {
        return wanted;
    }

    /**
     * Asks for another strategy from the next step boundary on.
     *
     * @return completes with the step from which it is used
     * @throws IllegalArgumentException when no strategy of that name is registered
     */
    @Override
    public synchronized CompletionStage<Long> request(String name) {
        if (closed) {
            throw new IllegalStateException("the run has ended");
        }
        ServiceTracker<RegularizerStrategy, RegularizerStrategy> next = track(name);
        if (next.getService() == null) {
            next.close();
            throw unknown(name);
        }
        retired.add(tracker);
        tracker = next;
        wanted = name;
        if (pending != null) {
            pending.completeExceptionally(
                    new IllegalStateException("replaced by a request for " + name + " before it was applied"));
        }
        pending = new CompletableFuture<>();
        return pending;
    }

    @Override
    public void applied(RegularizerStrategy strategy, long step) {
        CompletableFuture<Long> done;
        synchronized (this) {
            if (!strategy.name().equals(wanted)) {
                return;
            }
            retired.forEach(ServiceTracker::close);
            retired.clear();
            done = pending;
            pending = null;
        }
        if (done != null) {
            done.complete(step);
        }
    }

    private ServiceTracker<RegularizerStrategy, RegularizerStrategy> track(String name) {
        String filter = "(&(" + org.osgi.framework.Constants.OBJECTCLASS + "=" + RegularizerStrategy.class.getName()
                + ")" + PluginProperties.targetFilter(KIND, name) + ")";
        try {
            Filter f = FrameworkUtil.createFilter(filter);
            ServiceTracker<RegularizerStrategy, RegularizerStrategy> t = new ServiceTracker<>(context, f, null);
            t.open();
            return t;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad regularizer name '" + name + "': " + e.getMessage(), e);
        }
    }

    private IllegalArgumentException unknown(String name) {
        List<String> names = new PluginLookup(context)
                .names(RegularizerStrategy.class, KIND).stream()
                        .distinct()
                        .sorted()
                        .toList();
        return new IllegalArgumentException("unknown regularizer plugin '" + name + "'; available: "
                + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    @Override
    public void close() {
        CompletableFuture<Long> left;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tracker.close();
            retired.forEach(ServiceTracker::close);
            retired.clear();
            left = pending;
            pending = null;
        }
        if (left != null) {
            left.completeExceptionally(new IllegalStateException("the run ended before the swap was applied"));
        }
    }
}
