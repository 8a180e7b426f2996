package dev.sluice.declarative.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import dev.sluice.source.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs a JWS signing input ({@code base64url(header).base64url(payload)}) with one of the reference's
 * algorithms: HMAC with the secret's UTF-8 bytes (any length, as PyJWT allows), RSA PKCS#1 and PSS, ECDSA on
 * P-256/384/521 and secp256k1 (through Bouncy Castle), and EdDSA (Ed25519, Ed448). Returns the base64url signature.
 */
interface JwtSigner {

    List<String> ALGORITHMS = List.of("HS256", "HS384", "HS512", "ES256", "ES256K", "ES384", "ES512", "RS256",
            "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA");

    String sign(byte[] signingInput);

    /** A signer for {@code algorithm} with the secret key (a shared secret for HS*, else a PEM private key). */
    static JwtSigner of(String algorithm, String secret, boolean base64Secret, @Nullable String passphrase) {
        if (algorithm.startsWith("HS")) {
            String key = base64Secret
                    ? Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)) : secret;
            return hmac("HmacSHA" + algorithm.substring(2), key.getBytes(StandardCharsets.UTF_8));
        }
        PrivateKey key = PemKeys.privateKey(secret, passphrase);
        if (algorithm.equals("EdDSA")) {
            return edDsa(key);
        }
        JWSAlgorithm jws = JWSAlgorithm.parse(algorithm);
        JWSSigner signer;
        try {
            if (algorithm.startsWith("RS") || algorithm.startsWith("PS")) {
                // PyJWT signs with keys of any size; Nimbus refuses keys under 2048 bits unless told otherwise.
                signer = new RSASSASigner(requireType(key, RSAPrivateKey.class, algorithm),
                        Set.of(AllowWeakRSAKey.getInstance()));
            } else {
                signer = new ECDSASigner(requireType(key, ECPrivateKey.class, algorithm));
                if (algorithm.equals("ES256K")) {
                    signer.getJCAContext().setProvider(PemKeys.BOUNCY_CASTLE);
                }
            }
        } catch (JOSEException e) {
            throw new ConfigException("JwtAuthenticator: secret_key does not suit " + algorithm + ": " + e.getMessage());
        }
        JWSHeader header = new JWSHeader(jws);
        JWSSigner chosen = signer;
        return input -> {
            try {
                return chosen.sign(header, input).toString();
            } catch (JOSEException e) {
                throw new ConfigException("JwtAuthenticator: cannot sign the token with " + algorithm + ": "
                        + e.getMessage());
            }
        };
    }

    private static JwtSigner hmac(String macAlgorithm, byte[] key) {
        if (key.length == 0) {
            throw new ConfigException("JwtAuthenticator: secret_key rendered empty; check the config");
        }
        SecretKeySpec spec = new SecretKeySpec(key, macAlgorithm);
        return input -> {
            try {
                Mac mac = Mac.getInstance(macAlgorithm);
                mac.init(spec);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input));
            } catch (GeneralSecurityException e) {
                throw PemKeys.signingFailed(e);
            }
        };
    }

    private static JwtSigner edDsa(PrivateKey key) {
        if (!key.getAlgorithm().startsWith("Ed")) {
            throw new ConfigException("JwtAuthenticator: secret_key does not suit EdDSA (it is a "
                    + key.getAlgorithm() + " key)");
        }
        boolean jdkKey = key.getClass().getName().startsWith("sun.");
        return input -> {
            try {
                Signature signature = jdkKey ? Signature.getInstance("EdDSA")
                        : Signature.getInstance("EdDSA", PemKeys.BOUNCY_CASTLE);
                signature.initSign(key);
                signature.update(input);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw PemKeys.signingFailed(e);
            }
        };
    }

    private static <K> K requireType(PrivateKey key, Class<K> type, String algorithm) {
        if (!type.isInstance(key)) {
            throw new ConfigException("JwtAuthenticator: secret_key does not suit " + algorithm + " (it is a "
                    + key.getAlgorithm() + " key)");
        }
        return type.cast(key);
    }
}
