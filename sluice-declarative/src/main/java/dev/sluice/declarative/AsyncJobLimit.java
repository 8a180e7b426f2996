package dev.sluice.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.asyncjob.JobSlots;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.protocol.Json;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifest's {@code max_concurrent_async_job_count} (an int or a template over config), given to the run's
 * {@link JobSlots}. As the reference's {@code JobTracker} (async_job/job_tracker.py): left out means 1; a template
 * that cannot be rendered to an integer, or a value below 1, is logged and taken as 1.
 */
final class AsyncJobLimit {

    private static final Logger log = LoggerFactory.getLogger(AsyncJobLimit.class);

    private AsyncJobLimit() {
    }

    static void apply(@Nullable String limit, BuildContext context) {
        context.run().service(JobSlots.SERVICE).limit(evaluate(limit, context));
    }

    static int evaluate(@Nullable String limit, BuildContext context) {
        if (limit == null) {
            return 1;
        }
        int value;
        try {
            JsonNode rendered = InterpolatedString.of(limit, Json.object()).eval(context.interpolation());
            value = rendered == null ? 1 : rendered.isNumber() ? rendered.intValue()
                    : Integer.parseInt(rendered.asText().strip());
        } catch (RuntimeException e) {
            log.warn("Error interpolating max_concurrent_async_job_count: {}. Setting it to 1. {}", limit,
                    e.getMessage());
            return 1;
        }
        if (value < 1) {
            log.warn("The max_concurrent_async_job_count property is less than 1: {}. Setting it to 1. Please "
                    + "update the source manifest to set a valid value.", value);
            return 1;
        }
        return value;
    }
}
