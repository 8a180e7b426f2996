package dev.sluice.declarative.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a validator judges one value taken from the config ({@code ValidateAdheresToSchema},
 * {@code CustomValidationStrategy}). A {@code DpathValidator} gives it each value found at its path, a
 * {@code PredicateValidator} its rendered {@code value}.
 */
@FunctionalInterface
public interface ValidationStrategy {

    /**
     * Returns normally when {@code value} is valid.
     *
     * @param value the value to judge; never modified
     * @throws dev.sluice.source.ConfigException when the value is invalid; its message says why, and the
     *     validator adds which rule of the manifest failed
     */
    void validate(JsonNode value);
}
