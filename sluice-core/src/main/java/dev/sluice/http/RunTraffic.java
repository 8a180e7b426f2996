package dev.sluice.http;

import static java.util.Objects.requireNonNull;

import dev.sluice.source.RunContext;

/**
 * What a run puts in front of every request its executors send, whichever component built them (a stream's
 * requester, a token endpoint, a login): a rate limiter — a share of an API's limit, such as one Kafka Connect
 * task's part of {@code sluice.rate.limit} — and an observer, such as per-stream metrics. A run has neither unless
 * whoever runs the source presets its own ({@code run.preset(RunTraffic.SERVICE, ...)}) before the source builds
 * its executors; every executor joins it through {@link HttpExecutor#inRun}.
 */
public record RunTraffic(RateLimiter limiter, ExchangeObserver observer) {

    /** No limit and no observer: what a run has by default. */
    public static final RunTraffic NONE = new RunTraffic(RateLimiter.NONE, ExchangeObserver.NONE);

    /** A run's traffic hooks, {@link #NONE} unless preset. */
    public static final RunContext.Service<RunTraffic> SERVICE = RunContext.Service.of("HTTP traffic",
            RunTraffic.class, run -> NONE);

    public RunTraffic {
        requireNonNull(limiter, "limiter is null");
        requireNonNull(observer, "observer is null");
    }
}
