/**
 * The Connector Builder: test reads of a declarative manifest that show every request, response, page, slice and
 * record (the handler Airbyte's platform calls as {@code connector-builder read}), and the local web app built on
 * them ({@code ./sluice builder}).
 */
@NullMarked
package dev.sluice.builder;

import org.jspecify.annotations.NullMarked;
