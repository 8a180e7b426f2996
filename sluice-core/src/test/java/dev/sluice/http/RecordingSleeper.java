package dev.sluice.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that remembers the waits instead of waiting. */
final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
