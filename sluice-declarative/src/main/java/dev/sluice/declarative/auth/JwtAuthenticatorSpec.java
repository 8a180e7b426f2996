package dev.sluice.declarative.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.component.BuildContext;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.component.InjectInto;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionSpec;
import dev.sluice.protocol.Json;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: JwtAuthenticator} — a JWT signed with {@code secret_key} (a shared secret for HS256/384/512, a PEM
 * private key — encrypted with {@code passphrase} if need be — for the RS, PS, ES and EdDSA algorithms), valid
 * for {@code token_duration} seconds (default 1200), injected as the {@code Authorization} header or where
 * {@code request_option} says.
 * <pre>{@code
 * authenticator:
 *   type: JwtAuthenticator
 *   secret_key: "{{ config['private_key'] }}"
 *   algorithm: ES256
 *   token_duration: 1200
 *   header_prefix: Bearer
 *   jwt_headers: {kid: "{{ config['key_id'] }}", typ: JWT}
 *   jwt_payload: {iss: "{{ config['issuer_id'] }}", aud: appstoreconnect-v1}
 * }</pre>
 */
@JsonTypeName("JwtAuthenticator")
public record JwtAuthenticatorSpec(
        @JsonProperty(value = "secret_key", required = true) String secretKey,
        @JsonProperty("base64_encode_secret_key") @Nullable Boolean base64EncodeSecretKey,
        @JsonProperty(value = "algorithm", required = true) String algorithm,
        @JsonProperty("token_duration") @Nullable Integer tokenDuration,
        @JsonProperty("header_prefix") @Nullable String headerPrefix,
        @JsonProperty("jwt_headers") @Nullable JwtHeadersSpec jwtHeaders,
        @JsonProperty("additional_jwt_headers") @Nullable ObjectNode additionalJwtHeaders,
        @JsonProperty("jwt_payload") @Nullable JwtPayloadSpec jwtPayload,
        @JsonProperty("additional_jwt_payload") @Nullable ObjectNode additionalJwtPayload,
        @JsonProperty("passphrase") @Nullable String passphrase,
        @JsonProperty("request_option") @Nullable RequestOptionSpec requestOption,
        @JsonProperty("$parameters") @Nullable ObjectNode parameters) implements AuthenticatorSpec {

    private static final int DEFAULT_DURATION = 1200;

    public JwtAuthenticatorSpec {
        requireNonNull(secretKey, "secret_key is required");
        requireNonNull(algorithm, "algorithm is required");
        if (!JwtSigner.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm: unsupported algorithm '" + algorithm + "' (expected one of "
                    + String.join(", ", JwtSigner.ALGORITHMS) + ")");
        }
        refuseReserved(additionalJwtHeaders, Set.of("kid", "alg", "typ", "cty"), "additional_jwt_headers");
        refuseReserved(additionalJwtPayload, Set.of("iss", "sub", "aud", "iat", "exp", "nbf"),
                "additional_jwt_payload");
    }

    @Override
    public JwtAuthenticator build(BuildContext context) {
        JsonNode params = BuildContext.parameters(parameters);
        InterpolationContext interpolation = context.interpolation();
        JwtHeadersSpec headers = jwtHeaders == null ? new JwtHeadersSpec(null, null, null) : jwtHeaders;
        JwtPayloadSpec payload = jwtPayload == null ? new JwtPayloadSpec(null, null, null) : jwtPayload;
        JwtAuthenticator.Claims claims = new JwtAuthenticator.Claims(template(headers.kid(), params),
                template(headers.typ(), params), template(headers.cty(), params),
                InterpolatedMapping.of(orEmpty(additionalJwtHeaders), params), template(payload.iss(), params),
                template(payload.sub(), params), template(payload.aud(), params),
                InterpolatedMapping.of(orEmpty(additionalJwtPayload), params));
        RequestOption option = requestOption != null ? requestOption.build(context)
                : new RequestOption(InjectInto.HEADER, List.of("Authorization"));
        return new JwtAuthenticator(algorithm, signer(interpolation, params), claims,
                tokenDuration == null ? DEFAULT_DURATION : tokenDuration, template(headerPrefix, params), option,
                interpolation, context.clock(), context.run().secrets());
    }

    /** The key is read when the first token is signed, so that building never fails on an unused key. */
    private Supplier<JwtSigner> signer(InterpolationContext interpolation, JsonNode params) {
        InterpolatedString secret = InterpolatedString.of(secretKey, params);
        InterpolatedString pass = template(passphrase, params);
        boolean base64 = Boolean.TRUE.equals(base64EncodeSecretKey);
        return new Supplier<>() {
            private volatile @Nullable JwtSigner signer;

            @Override
            public JwtSigner get() {
                JwtSigner current = signer;
                if (current == null) {
                    String phrase = pass == null ? null : pass.evalString(interpolation);
                    current = JwtSigner.of(algorithm, secret.evalString(interpolation), base64,
                            phrase == null || phrase.isEmpty() ? null : phrase);
                    signer = current;
                }
                return current;
            }
        };
    }

    private static @Nullable InterpolatedString template(@Nullable String text, JsonNode params) {
        return text == null || text.isEmpty() ? null : InterpolatedString.of(text, params);
    }

    private static ObjectNode orEmpty(@Nullable ObjectNode node) {
        return node == null ? Json.object() : node;
    }

    private static void refuseReserved(@Nullable ObjectNode values, Set<String> reserved, String field) {
        if (values != null) {
            values.fieldNames().forEachRemaining(name -> {
                if (reserved.contains(name)) {
                    throw new IllegalArgumentException(field + ": '" + name + "' is reserved and cannot be set here");
                }
            });
        }
    }
}
