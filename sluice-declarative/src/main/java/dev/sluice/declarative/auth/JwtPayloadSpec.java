package dev.sluice.declarative.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.declarative.manifest.NoAdditionalProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code jwt_payload} of a {@code JwtAuthenticator}: the registered claims Sluice does not compute itself
 * ({@code iat}, {@code nbf} and {@code exp} it does), as templates over config.
 * <pre>{@code jwt_payload: {iss: "{{ config['issuer_id'] }}", aud: appstoreconnect-v1}}</pre>
 */
@NoAdditionalProperties
public record JwtPayloadSpec(
        @JsonProperty("iss") @Nullable String iss,
        @JsonProperty("sub") @Nullable String sub,
        @JsonProperty("aud") @Nullable String aud) {
}
