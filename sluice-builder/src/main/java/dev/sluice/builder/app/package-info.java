/**
 * {@code ./sluice builder}: a local web app to edit a manifest and test-read it. An HTTP server on 127.0.0.1
 * ({@link BuilderServer}) serves the page and the CodeMirror editor from the jar under a random token, refuses
 * requests for another Host or from another Origin ({@link RequestGuard}), validates as the user types, runs test
 * reads, edits the manifest's text in place ({@link SchemaLoaderEdit}) and saves it atomically
 * ({@link ManifestFile}).
 */
@NullMarked
package dev.sluice.builder.app;

import org.jspecify.annotations.NullMarked;
