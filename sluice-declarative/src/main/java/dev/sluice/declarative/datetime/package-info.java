/**
 * Python's {@code datetime} text behaviour for {@code java.time}: {@code strftime}/{@code strptime} with every
 * directive CPython (on glibc) supports, the CDK's epoch formats ({@code %s}, {@code %ms}, {@code %s_as_float},
 * {@code %epoch_microseconds}, {@code %_ms}), ISO-8601 date-times and durations, and Python's {@code str()} of
 * datetimes, timedeltas and floats. Shared by interpolation macros and the incremental cursors.
 */
@NullMarked
package dev.sluice.declarative.datetime;

import org.jspecify.annotations.NullMarked;
