/**
 * The Airbyte protocol: typed, immutable messages and the single writer that owns standard output.
 *
 * <p>Every message a connector prints is one {@link dev.sluice.protocol.AirbyteMessage} serialised by
 * {@link dev.sluice.protocol.MessageWriter} as one JSON line. Null fields are omitted, as the reference
 * implementation does. Input files (configured catalog, state) are read with {@link dev.sluice.protocol.Json}.
 */
@NullMarked
package dev.sluice.protocol;

import org.jspecify.annotations.NullMarked;
