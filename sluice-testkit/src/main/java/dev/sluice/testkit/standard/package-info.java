/**
 * Standard tests: {@link dev.sluice.testkit.standard.SourceStandardTests}, a JUnit 5 base class an author extends
 * with the source and a working config, which checks what every Airbyte source must get right (spec, check,
 * discover, full, incremental and resumable reads).
 */
@NullMarked
package dev.sluice.testkit.standard;

import org.jspecify.annotations.NullMarked;
