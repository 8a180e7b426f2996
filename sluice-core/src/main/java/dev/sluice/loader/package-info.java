/**
 * Turning a reference to a source into a running {@link dev.sluice.source.Source}: a {@link
 * dev.sluice.loader.SourceLoader} loads a {@link dev.sluice.loader.SourceLocation} (a class name, or one of the
 * manifest kinds). Class names are loaded here; manifests are read by a {@link dev.sluice.loader.ManifestProvider}
 * found with {@link java.util.ServiceLoader}, so this package knows nothing of manifests.
 */
@NullMarked
package dev.sluice.loader;

import org.jspecify.annotations.NullMarked;
