package dev.sluice.http;

import java.time.Duration;

/** Waits between attempts; tests inject one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
