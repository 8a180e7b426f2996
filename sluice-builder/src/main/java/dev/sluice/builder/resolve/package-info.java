/**
 * The manifest as the Connector Builder shows it: references, parameters and defaults resolved
 * ({@code resolve_manifest}), and with the streams its dynamic-stream definitions generate
 * ({@code full_resolve_manifest}).
 */
@NullMarked
package dev.sluice.builder.resolve;

import org.jspecify.annotations.NullMarked;
