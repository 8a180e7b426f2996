/**
 * Runs a {@link dev.sluice.source.Source} as the Airbyte protocol prescribes: {@code spec}, {@code check},
 * {@code discover} and {@code read}, with config validation, stream statuses, state emission after the
 * records it covers, error traces and secret masking. The CLI and test harnesses drive it.
 */
@NullMarked
package dev.sluice.runner;

import org.jspecify.annotations.NullMarked;
