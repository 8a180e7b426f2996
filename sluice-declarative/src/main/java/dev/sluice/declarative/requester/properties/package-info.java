/**
 * Query properties: the properties an API must be asked for explicitly, listed in the manifest or fetched from
 * an endpoint ({@code PropertiesFromEndpoint}), narrowed to the columns selected in the configured catalog
 * ({@code JsonSchemaPropertySelector}), split into chunks that fit the API's limit ({@code PropertyChunking}),
 * and the merging of the partial records each chunk returns back into whole records
 * ({@code GroupByKeyMergeStrategy}). {@code SimpleRetriever} sends one request per chunk.
 */
@NullMarked
package dev.sluice.declarative.requester.properties;

import org.jspecify.annotations.NullMarked;
