package dev.sluice.declarative.component;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a {@code RequestOption} puts its value. */
public enum InjectInto {
    @JsonProperty("request_parameter") REQUEST_PARAMETER,
    @JsonProperty("header") HEADER,
    @JsonProperty("body_data") BODY_DATA,
    @JsonProperty("body_json") BODY_JSON
}
