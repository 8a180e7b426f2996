/**
 * Test support for connector authors: run a source in-process and assert on typed output, the way the
 * reference's {@code entrypoint_wrapper} does.
 */
@NullMarked
package dev.sluice.testing;

import org.jspecify.annotations.NullMarked;
