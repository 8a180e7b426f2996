/**
 * An SLF4J provider for the CLI that turns log events into protocol LOG messages, so that nothing but the
 * protocol writer touches standard output. Until a writer is installed, events go to standard error.
 */
@NullMarked
package dev.sluice.cli.logging;

import org.jspecify.annotations.NullMarked;
