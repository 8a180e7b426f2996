package dev.sluice.declarative.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** Key pairs generated per test run, and their private keys as PEM text. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa() {
        return generate("RSA", null, 2048);
    }

    static KeyPair ec(String curve) {
        return generate("EC", curve, 0);
    }

    static KeyPair secp256k1() {
        return ecByBouncyCastle("secp256k1");
    }

    /** Bouncy Castle keys keep the curve in the key itself, which OpenSSL's {@code EC PRIVATE KEY} form needs. */
    static KeyPair ecByBouncyCastle(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PemKeys.BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ed25519() {
        return generate("Ed25519", null, 0);
    }

    /** {@code -----BEGIN PRIVATE KEY-----}: unencrypted PKCS#8. */
    static String pkcs8(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** OpenSSL's traditional form: {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1). */
    static String traditional(KeyPair pair) {
        return write(pair);
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with AES-256-CBC under the passphrase. */
    static String encryptedPkcs8(KeyPair pair, String passphrase) {
        try {
            return write(new JcaPKCS8Generator(pair.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(PemKeys.BOUNCY_CASTLE)
                    .setPassword(passphrase.toCharArray()).build()).generate());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static KeyPair generate(String algorithm, String curve, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (size > 0) {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
