/**
 * Record selection: extracting records from decoded responses ({@code DpathExtractor}), filtering them
 * ({@code RecordFilter}) and the {@code RecordSelector} pipeline that also applies transformations and schema
 * normalisation.
 */
@NullMarked
package dev.sluice.declarative.extractor;

import org.jspecify.annotations.NullMarked;
