package dev.sluice.declarative.custom.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.config.ValidationStrategy;
import dev.sluice.declarative.custom.CustomComponentContext;
import dev.sluice.source.ConfigException;

/** CustomValidationStrategy: the value must be a multiple of {@code divisor}. */
public final class EvenNumber implements ValidationStrategy {

    private final long divisor;

    public EvenNumber(CustomComponentContext context) {
        this.divisor = context.integer("divisor").orElse(2L);
    }

    @Override
    public void validate(JsonNode value) {
        if (!value.canConvertToLong() || value.asLong() % divisor != 0) {
            throw new ConfigException(value + " is not a multiple of " + divisor);
        }
    }
}
