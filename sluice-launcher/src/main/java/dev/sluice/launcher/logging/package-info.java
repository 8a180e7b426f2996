/**
 * An SLF4J provider that turns log events into protocol LOG messages, for {@code ./sluice} and for every
 * connector started with {@link dev.sluice.launcher.Launcher}, so that nothing but the protocol writer touches
 * standard output. Until a writer is installed, events go to standard error. Registered with
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}; a connector that brings another SLF4J provider
 * makes SLF4J pick one of the two, so a connector jar should bring none.
 */
@NullMarked
package dev.sluice.launcher.logging;

import org.jspecify.annotations.NullMarked;
