/**
 * Test set-up for sources, as JUnit 5 extensions and small fakes: {@link dev.sluice.testkit.ConnectorHarness} (runs
 * a source in-process as the CLI does, with typed {@link dev.sluice.testkit.Output}), {@link dev.sluice.testkit.MockApi}
 * (a local HTTP API that answers routed responses and records what it received, with
 * {@link dev.sluice.testkit.RequestAssert} over each request), {@link dev.sluice.testkit.TestClock} (a clock the
 * test moves) and {@link dev.sluice.testkit.RecordingSleeper} (waits recorded, never slept), so retry and
 * token-expiry tests run in milliseconds and never depend on timing.
 *
 * <p>Two packages below: {@code dev.sluice.testkit.http}, a strict HTTP mocker with response templates, and
 * {@code dev.sluice.testkit.standard}, the standard tests a source's test class extends.
 *
 * <p>It uses only the core API, so a code-first author can use it as well as a manifest author. Main code never
 * depends on it: modules add it in test scope.
 */
@NullMarked
package dev.sluice.testkit;

import org.jspecify.annotations.NullMarked;
