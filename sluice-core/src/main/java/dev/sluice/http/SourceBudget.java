package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.RunContext;
import java.util.function.Supplier;

/**
 * The run's slot for the {@link ApiBudget} its source declares (a manifest's {@code api_budget}). Every executor
 * joins it through {@link HttpExecutor#inRun}, after the run's preset {@link RunTraffic} limiter (a Kafka Connect
 * task's share of its rate limit), so a request waits for both. The source installs its budget when it builds
 * its components; executors built before that see it too, as the slot is asked at every attempt.
 *
 * <p>A source read by several runs at once against one API (the tasks of a Kafka Connect connector) gives each run
 * a {@linkplain #share() share} of its budget: whoever runs the source presets {@link #sharing} before the source
 * builds, and the source scales its budget's limits by the share.
 *
 * <p>Thread-safe.
 */
public final class SourceBudget implements ApiBudget {

    /** The run's slot, empty until the source installs its budget. */
    public static final RunContext.Service<SourceBudget> SERVICE = RunContext.Service.of("API budget",
            SourceBudget.class, run -> new SourceBudget(1));

    private final double share;
    private volatile ApiBudget installed = ApiBudget.NONE;
    private boolean made;

    private SourceBudget(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("a share must be in (0, 1]: " + share);
        }
        this.share = share;
    }

    /** An empty slot for a run that may use {@code share} (in (0, 1]) of the source's budget. */
    public static SourceBudget sharing(double share) {
        return new SourceBudget(share);
    }

    /** The part of the source's budget this run may use: 1 unless preset with {@link #sharing}. */
    public double share() {
        return share;
    }

    /**
     * Installs the budget {@code maker} makes, unless one was installed already in this run (a source builds its
     * components more than once per run, as for {@code check} then its streams: they all share the first
     * budget). Returns the budget in force.
     */
    public synchronized ApiBudget install(Supplier<ApiBudget> maker) {
        if (!made) {
            installed = requireNonNull(maker.get(), "the budget made is null");
            made = true;
        }
        return installed;
    }

    /** The budget in force, {@link ApiBudget#NONE} until one is installed. */
    public ApiBudget installed() {
        return installed;
    }

    @Override
    public void acquire(HttpRequest request) throws InterruptedException {
        installed.acquire(request);
    }

    @Override
    public void onResponse(HttpRequest request, HttpResponse response) {
        installed.onResponse(request, response);
    }
}
