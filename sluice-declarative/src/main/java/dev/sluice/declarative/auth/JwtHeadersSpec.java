package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.declarative.manifest.NoAdditionalProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code jwt_headers} of a {@code JwtAuthenticator}: the registered header fields (templates over config).
 * {@code typ} defaults to {@code JWT}; {@code alg} comes from the authenticator.
 * <pre>{@code jwt_headers: {kid: "{{ config['key_id'] }}", typ: JWT, cty: JWT}}</pre>
 */
@NoAdditionalProperties
public record JwtHeadersSpec(
        @JsonProperty("kid") @Nullable String kid,
        @JsonProperty("typ") @Nullable String typ,
        @JsonProperty("cty") @Nullable String cty) {
}
