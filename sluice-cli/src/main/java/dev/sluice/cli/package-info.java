/**
 * The {@code sluice} command line: the protocol commands ({@code spec}, {@code check}, {@code discover},
 * {@code read}) for code-first sources and manifests, and tools around them. This is one of the two places
 * that catch every exception: each command turns a failure into an error TRACE and a non-zero exit code.
 */
@NullMarked
package dev.sluice.cli;

import org.jspecify.annotations.NullMarked;
