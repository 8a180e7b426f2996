package dev.sluice.kafka;

import dev.sluice.http.RateLimiter;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The part of the connector's API limit one participant — a task, or the connector while it lists partitions — may
 * use: a fraction of {@code sluice.rate.limit} (and of its burst). The connector gives each of its {@code n} tasks
 * {@code 1/n}, or {@code 1/(n+1)} when it reads the API itself to list partitions, in the task's config
 * ({@link #TASK_SHARE}); a reconfiguration (the task count or the partitions changed) re-divides it, since Connect
 * restarts tasks whose configs changed. Only the fraction is handed out, not a rate, so that another budget is
 * divided the same way: a manifest's API budget, whose policies' limits each run scales by its share
 * ({@link dev.sluice.http.SourceBudget#sharing}).
 *
 * @param fraction of the connector's limit, in (0, 1]
 */
record RateShare(double fraction) {

    static final String TASK_SHARE = "sluice.task.rate.share";

    RateShare {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("a share must be in (0, 1]: " + fraction);
        }
    }

    /** One of {@code participants} equal shares. */
    static RateShare oneOf(int participants) {
        return new RateShare(1.0 / Math.max(1, participants));
    }

    /** The share in a task's settings; the whole limit when none is given (a task started by hand). */
    static RateShare of(Map<String, String> settings) {
        String text = settings.get(TASK_SHARE);
        if (text == null || text.isBlank()) {
            return new RateShare(1);
        }
        try {
            return new RateShare(Double.parseDouble(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ConnectException("Invalid " + TASK_SHARE + " '" + text + "': " + e.getMessage(), e);
        }
    }

    String encode() {
        return Double.toString(fraction);
    }

    /**
     * This share of the connector's limit: {@code limit * fraction} requests a second, with a burst of this share of
     * the connector's burst (at least one request); no limit when the connector has none.
     */
    RateLimiter limiter(SluiceConnectorConfig config) {
        double limit = config.rateLimit();
        if (limit <= 0) {
            return RateLimiter.NONE;
        }
        int burst = Math.max(1, (int) Math.floor(config.rateLimitBurst() * fraction));
        return new SteadyRateLimiter(limit * fraction, burst);
    }
}
