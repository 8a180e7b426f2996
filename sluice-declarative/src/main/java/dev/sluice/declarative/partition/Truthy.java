package dev.sluice.declarative.partition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.declarative.component.RequestOptions;
import dev.sluice.declarative.component.RequestOption;

/** The routers inject a partition value only when Python finds it truthy ({@code if value:}). */
final class Truthy {

    private Truthy() {
    }

    static RequestOptions inject(RequestOption option, JsonNode value) {
        return isTruthy(value) ? option.inject(value) : RequestOptions.NONE;
    }

    static boolean isTruthy(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().signum() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }
}
