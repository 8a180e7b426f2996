/**
 * What a test read infers from the records it read: their JSON schema (as the reference's genson-based
 * {@code SchemaInferrer} builds it) and the datetime formats of their top-level fields (its
 * {@code DatetimeFormatInferrer}).
 */
@NullMarked
package dev.sluice.builder.infer;

import org.jspecify.annotations.NullMarked;
