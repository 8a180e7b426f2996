/**
 * Declarative sources: an Airbyte low-code manifest loaded ({@link dev.sluice.declarative.ManifestSources}),
 * bound to typed spec records and built into a {@link dev.sluice.source.Source} whose streams are
 * {@link dev.sluice.declarative.DeclarativeStream}s.
 */
@NullMarked
package dev.sluice.declarative;

import org.jspecify.annotations.NullMarked;
