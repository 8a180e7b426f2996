/**
 * The drop-in for the reference's {@code airbyte_cdk.connector_builder.main}: a config carrying {@code __command},
 * {@code __injected_declarative_manifest} and {@code __test_read_config}, answered with one RECORD (or one TRACE
 * error) in the reference's words.
 */
@NullMarked
package dev.sluice.builder.handler;

import org.jspecify.annotations.NullMarked;
