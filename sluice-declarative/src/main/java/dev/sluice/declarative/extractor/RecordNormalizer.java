package dev.sluice.declarative.extractor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a selected record fit the stream's schema: the interface of a {@code CustomSchemaNormalization}'s class
 * ({@code schema_normalization: Default} casts values to their declared types). Runs last on each record, possibly
 * from several threads at once.
 */
@FunctionalInterface
public interface RecordNormalizer {

    /**
     * The record as it should be emitted; {@code record} must not be mutated (return a changed copy).
     *
     * @param schema the stream's JSON schema (a shared copy: read it, do not change it)
     */
    ObjectNode normalize(ObjectNode record, ObjectNode schema);
}
