package dev.sluice.declarative.auth;

import static dev.sluice.declarative.auth.AuthFixtures.bind;
import static dev.sluice.declarative.auth.AuthFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.crypto.impl.ECDSA;
import dev.sluice.declarative.manifest.ManifestException;
import dev.sluice.http.Authenticator;
import dev.sluice.http.HttpRequest;
import dev.sluice.protocol.Json;
import dev.sluice.source.Config;
import dev.sluice.source.ConfigException;
import dev.sluice.testkit.TestClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** JwtAuthenticator: every algorithm signs verifiably; header, claims, caching and injection as configured. */
class JwtAuthenticatorTest {

    private static final KeyPair RSA = TestKeys.rsa();
    private static final KeyPair P256 = TestKeys.ec("secp256r1");
    private static final KeyPair P384 = TestKeys.ec("secp384r1");
    private static final KeyPair P521 = TestKeys.ec("secp521r1");
    private static final KeyPair K256 = TestKeys.secp256k1();
    private static final KeyPair ED25519 = TestKeys.ed25519();

    private final TestClock clock = TestClock.at("2024-03-01T12:00:00Z");

    private Authenticator build(String yaml, String key) {
        Config config = new Config(Json.object().put("key", key).put("kid", "key-7").put("issuer", "me"));
        return bind(yaml).build(context(config, clock));
    }

    private static HttpRequest authenticate(Authenticator authenticator) {
        return authenticator.authenticate(HttpRequest.get(URI.create("http://api.invalid/items")));
    }

    private static String bearer(Authenticator authenticator) {
        String header = authenticate(authenticator).headers().get("Authorization");
        assertThat(header).startsWith("Bearer ");
        return header.substring("Bearer ".length());
    }

    static Stream<Arguments> asymmetric() {
        return Stream.of(
                Arguments.of("RS256", RSA, "SHA256withRSA", null), Arguments.of("RS384", RSA, "SHA384withRSA", null),
                Arguments.of("RS512", RSA, "SHA512withRSA", null), Arguments.of("PS256", RSA, "RSASSA-PSS", null),
                Arguments.of("PS384", RSA, "RSASSA-PSS", null), Arguments.of("PS512", RSA, "RSASSA-PSS", null),
                Arguments.of("ES256", P256, "SHA256withECDSA", null), Arguments.of("ES384", P384, "SHA384withECDSA", null),
                Arguments.of("ES512", P521, "SHA512withECDSA", null),
                Arguments.of("ES256K", K256, "SHA256withECDSA", PemKeys.BOUNCY_CASTLE),
                Arguments.of("EdDSA", ED25519, "Ed25519", null));
    }

    @ParameterizedTest
    @MethodSource("asymmetric")
    void asymmetricAlgorithmsSignVerifiably(String algorithm, KeyPair keys, String jdkAlgorithm, Provider provider)
            throws Exception {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: "{{ config['key'] }}"
                algorithm: %s
                header_prefix: Bearer
                """.formatted(algorithm), TestKeys.pkcs8(keys));

        String token = bearer(jwt);

        assertThat(JwtChecks.header(token).path("alg").asText()).isEqualTo(algorithm);
        assertThat(verify(token, algorithm, keys.getPublic(), jdkAlgorithm, provider)).isTrue();
    }

    private static boolean verify(String token, String algorithm, PublicKey key, String jdkAlgorithm,
            Provider provider) throws Exception {
        Signature signature = provider == null ? Signature.getInstance(jdkAlgorithm)
                : Signature.getInstance(jdkAlgorithm, provider);
        if (algorithm.startsWith("PS")) {
            String hash = "SHA-" + algorithm.substring(2);
            signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    Integer.parseInt(algorithm.substring(2)) / 8, 1));
        }
        signature.initVerify(key);
        signature.update(JwtChecks.signingInput(token));
        byte[] raw = JwtChecks.signature(token);
        return signature.verify(algorithm.startsWith("ES") ? ECDSA.transcodeSignatureToDER(raw) : raw);
    }

    /** HMAC keys of any length, as PyJWT accepts them; base64_encode_secret_key signs with the base64 text. */
    @ParameterizedTest
    @CsvSource({"HS256, HmacSHA256, false, short", "HS384, HmacSHA384, false, short",
            "HS512, HmacSHA512, false, short", "HS256, HmacSHA256, true, c2hvcnQ="})
    void hmacAlgorithmsSignWithTheSecretText(String algorithm, String mac, boolean base64, String signingKey)
            throws Exception {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: short
                algorithm: %s
                base64_encode_secret_key: %s
                """.formatted(algorithm, base64), "");

        String token = authenticate(jwt).headers().get("Authorization");

        assertThat(JwtChecks.hmacValid(token, mac, signingKey.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void headerAndPayloadCarryTheConfiguredClaims() {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: "{{ config['key'] }}"
                algorithm: ES256
                token_duration: 600
                jwt_headers: {kid: "{{ config['kid'] }}", cty: JWT}
                additional_jwt_headers: {x5t: thumb}
                jwt_payload: {iss: "{{ config['issuer'] }}", sub: someone, aud: appstoreconnect-v1}
                additional_jwt_payload: {scope: "read write", level: "{{ 3 }}"}
                """, TestKeys.traditional(TestKeys.ecByBouncyCastle("secp256r1")));

        String token = authenticate(jwt).headers().get("Authorization");

        long now = clock.instant().getEpochSecond();
        assertThat(Json.write(JwtChecks.header(token)))
                .isEqualTo("{\"alg\":\"ES256\",\"cty\":\"JWT\",\"kid\":\"key-7\",\"typ\":\"JWT\",\"x5t\":\"thumb\"}");
        JsonNode payload = JwtChecks.payload(token);
        assertThat(payload.path("iss").asText()).isEqualTo("me");
        assertThat(payload.path("sub").asText()).isEqualTo("someone");
        assertThat(payload.path("aud").asText()).isEqualTo("appstoreconnect-v1");
        assertThat(payload.path("scope").asText()).isEqualTo("read write");
        assertThat(payload.path("level").asInt()).isEqualTo(3);
        assertThat(payload.path("iat").asLong()).isEqualTo(now);
        assertThat(payload.path("nbf").asLong()).isEqualTo(now);
        assertThat(payload.path("exp").asLong()).isEqualTo(now + 600);
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpires() {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: secret
                algorithm: HS256
                token_duration: 600
                """, "");

        String first = authenticate(jwt).headers().get("Authorization");
        clock.advance(Duration.ofSeconds(539));
        assertThat(authenticate(jwt).headers().get("Authorization")).isEqualTo(first);
        clock.advance(Duration.ofSeconds(2));
        String second = authenticate(jwt).headers().get("Authorization");
        assertThat(second).isNotEqualTo(first);
        assertThat(JwtChecks.payload(second).path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void theRequestOptionDecidesWhereTheTokenGoes() {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: secret
                algorithm: HS256
                request_option: {type: RequestOption, inject_into: request_parameter, field_name: jwt}
                """, "");

        HttpRequest request = authenticate(jwt);

        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.uri().getQuery()).startsWith("jwt=ey");
    }

    @Test
    void encryptedKeysAreReadWithThePassphrase() throws Exception {
        String yaml = """
                type: JwtAuthenticator
                secret_key: "{{ config['key'] }}"
                algorithm: RS256
                passphrase: "%s"
                """;
        String pem = TestKeys.encryptedPkcs8(RSA, "open sesame");

        String token = authenticate(build(yaml.formatted("open sesame"), pem)).headers().get("Authorization");

        assertThat(verify(token, "RS256", RSA.getPublic(), "SHA256withRSA", null)).isTrue();
        assertThatThrownBy(() -> authenticate(build(yaml.formatted("wrong"), pem)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining("ENCRYPTED");
    }

    @Test
    void aTraditionalRsaKeyWorksToo() throws Exception {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: "{{ config['key'] }}"
                algorithm: RS512
                """, TestKeys.traditional(RSA));

        String token = authenticate(jwt).headers().get("Authorization");

        assertThat(verify(token, "RS512", RSA.getPublic(), "SHA512withRSA", null)).isTrue();
    }

    @Test
    void aKeyThatIsNotPemIsAConfigErrorThatDoesNotQuoteIt() {
        Authenticator jwt = build("""
                type: JwtAuthenticator
                secret_key: "{{ config['key'] }}"
                algorithm: RS256
                """, "not-a-key-but-a-secret");

        assertThatThrownBy(() -> authenticate(jwt)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("secret_key cannot be used as a private key")
                .hasMessageNotContaining("not-a-key-but-a-secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "algorithm: HS999|unsupported algorithm 'HS999'",
            "algorithm: HS256;additional_jwt_headers: {kid: x}|'kid' is reserved",
            "algorithm: HS256;additional_jwt_payload: {exp: 1}|'exp' is reserved",
            "algorithm: HS256;jwt_headers: {kidd: x}|kidd: unknown field"})
    void invalidSettingsAreManifestErrors(String fields, String problem) {
        assertThatThrownBy(() -> bind("type: JwtAuthenticator\nsecret_key: s\n" + fields.replace(";", "\n") + "\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining(problem);
    }

    @Test
    void signaturesAreBase64UrlWithoutPadding() {
        String token = authenticate(build("type: JwtAuthenticator\nsecret_key: s\nalgorithm: HS256\n", ""))
                .headers().get("Authorization");

        assertThat(token.split("\\.")).hasSize(3).allSatisfy(part -> assertThat(part).doesNotContain("=", "+", "/"));
        assertThat(Base64.getUrlDecoder().decode(token.split("\\.")[2])).hasSize(32);
        assertThat(TextNode.valueOf(token).asText()).isEqualTo(token);
    }
}
