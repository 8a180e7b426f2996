/**
 * Test reads as Airbyte's Connector Builder runs them: one stream read within {@link TestReadLimits}, every page
 * with the request sent and the response received, grouped into slices, with the records, the state after each
 * slice, the requests made on the side (token refreshes, parent streams, property endpoints), the logs, and the
 * schema and datetime formats inferred from the records. Each value serialises to the reference's JSON field names
 * ({@code airbyte_cdk/connector_builder/models.py}).
 */
@NullMarked
package dev.sluice.builder.testread;

import org.jspecify.annotations.NullMarked;
