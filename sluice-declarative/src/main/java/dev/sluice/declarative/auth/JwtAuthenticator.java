package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.declarative.interpolation.InterpolatedMapping;
import dev.sluice.declarative.interpolation.InterpolatedString;
import dev.sluice.declarative.interpolation.InterpolationContext;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.declarative.component.RequestOption;
import dev.sluice.declarative.component.RequestOptionApplier;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.Json;
import dev.sluice.protocol.SecretRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runtime of {@link JwtAuthenticatorSpec}: a signed JWT ({@code iat} and {@code nbf} now, {@code exp} now +
 * {@code token_duration}) put where {@code request_option} says ({@code Authorization} header by default),
 * optionally after {@code header_prefix}. A token is reused until shortly before it expires (the reference signs
 * a new one per request). Thread-safe.
 */
final class JwtAuthenticator implements Authenticator {

    private static final Set<String> RESERVED_HEADERS = Set.of("kid", "alg", "typ", "cty");
    private static final Set<String> RESERVED_CLAIMS = Set.of("iss", "sub", "aud", "iat", "exp", "nbf");

    /** The templates of the header and payload; a null entry is left out. */
    record Claims(@Nullable InterpolatedString kid, @Nullable InterpolatedString typ,
            @Nullable InterpolatedString cty, InterpolatedMapping additionalHeaders, @Nullable InterpolatedString iss,
            @Nullable InterpolatedString sub, @Nullable InterpolatedString aud,
            InterpolatedMapping additionalPayload) {
    }

    private record Minted(String token, Instant refreshAt) {
    }

    private final String algorithm;
    private final Supplier<JwtSigner> signer;
    private final Claims claims;
    private final long durationSeconds;
    private final @Nullable InterpolatedString headerPrefix;
    private final RequestOption option;
    private final InterpolationContext context;
    private final SecretRegistry secrets;
    private final Clock clock;
    private volatile @Nullable Minted minted;

    JwtAuthenticator(String algorithm, Supplier<JwtSigner> signer, Claims claims, long durationSeconds,
            @Nullable InterpolatedString headerPrefix, RequestOption option, InterpolationContext context, Clock clock,
            SecretRegistry secrets) {
        this.secrets = secrets;
        this.algorithm = algorithm;
        this.signer = signer;
        this.claims = claims;
        this.durationSeconds = durationSeconds;
        this.headerPrefix = headerPrefix;
        this.option = option;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public HttpRequest authenticate(HttpRequest request) {
        return RequestOptionApplier.apply(request, option.inject(Json.nodes().textNode(token())));
    }

    @Override
    public void invalidate() {
        minted = null;
    }

    /** The value injected: {@code <header_prefix> <jwt>}, or the JWT alone. */
    String token() {
        Minted current = minted;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.refreshAt())) {
            return current.token();
        }
        synchronized (this) {
            current = minted;
            if (current == null || !clock.instant().isBefore(current.refreshAt())) {
                current = mint(clock.instant());
                minted = current;
            }
            return current.token();
        }
    }

    private Minted mint(Instant now) {
        long issuedAt = now.getEpochSecond();
        String input = base64(header()) + "." + base64(payload(issuedAt));
        String jwt = input + "." + signer.get().sign(input.getBytes(StandardCharsets.US_ASCII));
        secrets.add(jwt);
        String prefix = headerPrefix == null ? "" : headerPrefix.evalString(context);
        Instant expiresAt = Instant.ofEpochSecond(issuedAt + durationSeconds);
        return new Minted(prefix.isEmpty() ? jwt : prefix + " " + jwt,
                TokenState.of("jwt", expiresAt, now).refreshAt());
    }

    /** PyJWT writes the header with sorted keys. */
    private String header() {
        Map<String, JsonNode> header = new TreeMap<>();
        ObjectNode additional = claims.additionalHeaders().eval(context);
        refuseReserved(additional, RESERVED_HEADERS, "additional_jwt_headers");
        additional.properties().forEach(field -> header.put(field.getKey(), field.getValue()));
        putIfSet(header, "kid", claims.kid());
        header.put("typ", Json.nodes().textNode("JWT"));
        putIfSet(header, "typ", claims.typ());
        putIfSet(header, "cty", claims.cty());
        header.put("alg", Json.nodes().textNode(algorithm));
        return Json.write(Json.MAPPER.valueToTree(header));
    }

    private String payload(long issuedAt) {
        ObjectNode payload = claims.additionalPayload().eval(context);
        refuseReserved(payload, RESERVED_CLAIMS, "additional_jwt_payload");
        putIfSet(payload, "iss", claims.iss());
        putIfSet(payload, "sub", claims.sub());
        putIfSet(payload, "aud", claims.aud());
        payload.put("iat", issuedAt);
        payload.put("exp", issuedAt + durationSeconds);
        payload.put("nbf", issuedAt);
        return Json.write(payload);
    }

    /** Sets a claim whenever its template is given, whatever it renders, as the reference does. */
    private void putIfSet(Map<String, JsonNode> target, String name, @Nullable InterpolatedString template) {
        if (template != null) {
            JsonNode value = template.eval(context);
            target.put(name, value == null ? Json.nodes().nullNode() : value);
        }
    }

    private void putIfSet(ObjectNode target, String name, @Nullable InterpolatedString template) {
        if (template != null) {
            JsonNode value = template.eval(context);
            target.set(name, value == null ? Json.nodes().nullNode() : value);
        }
    }

    private static void refuseReserved(ObjectNode values, Set<String> reserved, String field) {
        for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (reserved.contains(name)) {
                throw new ManifestException(field + ": '" + name + "' is reserved and cannot be set here (reserved: "
                        + String.join(", ", new TreeSet<>(reserved)) + ")");
            }
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
