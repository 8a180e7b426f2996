package dev.sluice.declarative.requester.properties;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PropertyChunking.property_limit_type}: what a property costs against {@code property_limit}. */
public enum PropertyLimitType {
    /** Its length plus 3, the URL-encoded comma ({@code %2C}) that separates it from the next one. */
    @JsonProperty("characters") CHARACTERS,
    /** One. */
    @JsonProperty("property_count") PROPERTY_COUNT;

    int cost(String property) {
        return switch (this) {
            case CHARACTERS -> property.codePointCount(0, property.length()) + 3;
            case PROPERTY_COUNT -> 1;
        };
    }
}
