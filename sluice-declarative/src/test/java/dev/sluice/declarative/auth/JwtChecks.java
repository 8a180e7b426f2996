package dev.sluice.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads and verifies compact JWTs with JDK crypto only, independently of the code under test. */
final class JwtChecks {

    private JwtChecks() {
    }

    static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    static JsonNode payload(String jwt) {
        return part(jwt, 1);
    }

    static byte[] signingInput(String jwt) {
        return jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] signature(String jwt) {
        return Base64.getUrlDecoder().decode(jwt.substring(jwt.lastIndexOf('.') + 1));
    }

    static boolean hmacValid(String jwt, String algorithm, byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return MessageDigest.isEqual(mac.doFinal(signingInput(jwt)), signature(jwt));
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
