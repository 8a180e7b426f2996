package dev.sluice.examples.demo.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.protocol.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of {@code /time_off_requests}. Row {@code i}'s {@code updated_at} is {@code i} spacings into 2024 minus
 * a random jitter of less than half a spacing, so it grows strictly with the id, the initial rows spread over 2024,
 * and appended rows are newer than every earlier one (they continue into 2025 when needed).
 */
final class TimeOffData {

    private static final List<String> STATUSES = List.of("approved", "approved", "approved", "pending", "denied",
            "cancelled");

    private final long seed;
    private final int employeeCount;
    private final long spacingSeconds;
    private final AtomicInteger count;

    TimeOffData(long seed, int initialCount, int employeeCount) {
        this.seed = seed;
        this.employeeCount = employeeCount;
        // At least 2 s, so that the jitter (< spacing / 2) has room and timestamps stay distinct.
        this.spacingSeconds = Math.max(2, EmployeeData.SECONDS_IN_2024 / (initialCount + 1L));
        this.count = new AtomicInteger(initialCount);
    }

    int count() {
        return count.get();
    }

    /** Adds {@code rows} newer rows and returns the new total. */
    int append(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows to append must be at least 1: " + rows);
        }
        return count.updateAndGet(total -> Math.addExact(total, rows));
    }

    Instant updatedAt(int id) {
        long jitter = Seeds.random(seed, Seeds.TIME_OFF, id).nextLong(spacingSeconds / 2);
        return EmployeeData.YEAR_2024.plusSeconds(id * spacingSeconds - jitter);
    }

    /** The smallest id whose {@code updated_at} is after {@code since}, or {@code total + 1} if there is none. */
    int firstUpdatedAfter(Instant since, int total) {
        int low = 1;
        int high = total + 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (updatedAt(middle).isAfter(since)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    ObjectNode row(int id) {
        Instant updatedAt = updatedAt(id);
        // A second generator, so that the fields do not shift the jitter drawn in updatedAt.
        SplittableRandom random = Seeds.random(seed, ~Seeds.TIME_OFF, id);
        LocalDate startsOn = LocalDate.ofInstant(updatedAt, ZoneOffset.UTC).plusDays(1 + random.nextInt(60));
        return Json.object()
                .put("id", id)
                .put("employee_id", 1 + random.nextInt(employeeCount))
                .put("status", Seeds.pick(random, STATUSES))
                .put("starts_on", startsOn.toString())
                .put("ends_on", startsOn.plusDays(random.nextInt(10)).toString())
                .put("updated_at", updatedAt.toString());
    }
}
