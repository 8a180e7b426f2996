/**
 * The Airbyte command line for a connector's own {@code main}: {@link dev.sluice.launcher.Launcher} runs
 * {@code spec}, {@code check}, {@code discover} and {@code read} on a {@link dev.sluice.source.Source} or on a
 * manifest on the class path, exactly as {@code ./sluice} does (which builds its protocol commands from
 * {@link dev.sluice.launcher.ProtocolCommands}). This is one of the two places that catch every exception: each
 * command turns a failure into an error TRACE and a non-zero exit code.
 */
@NullMarked
package dev.sluice.launcher;

import org.jspecify.annotations.NullMarked;
