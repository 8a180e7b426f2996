package dev.sluice.declarative.auth;

import dev.sluice.source.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Private keys in the PEM forms the reference's {@code cryptography} loads: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}), and — with a passphrase — encrypted PKCS#8 or
 * OpenSSL's {@code Proc-Type: 4,ENCRYPTED}. Keys become JDK keys where the JDK knows the algorithm, else Bouncy
 * Castle keys (secp256k1). Error messages never quote the key.
 */
final class PemKeys {

    /** Bouncy Castle, used explicitly where needed and never installed as a global provider. */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PemKeys() {
    }

    static PrivateKey privateKey(String pem, @Nullable String passphrase) {
        PrivateKeyInfo info = keyInfo(pem, passphrase);
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException jdkCannot) {
            try {
                return new JcaPEMKeyConverter().setProvider(BOUNCY_CASTLE).getPrivateKey(info);
            } catch (PEMException e) {
                throw invalid("its key type is not supported (" + info.getPrivateKeyAlgorithm().getAlgorithm() + ")");
            }
        }
    }

    private static PrivateKeyInfo keyInfo(String pem, @Nullable String passphrase) {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid("it is not a PEM private key (" + e.getClass().getSimpleName() + ")");
        }
        char[] password = passphrase == null ? null : passphrase.toCharArray();
        try {
            if (object instanceof PrivateKeyInfo info) {
                return info;
            }
            if (object instanceof PEMKeyPair pair) {
                return pair.getPrivateKeyInfo();
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                        .setProvider(BOUNCY_CASTLE).build(requirePassword(password)));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE)
                        .build(requirePassword(password))).getPrivateKeyInfo();
            }
        } catch (PKCSException | OperatorCreationException | IOException e) {
            throw invalid("it cannot be decrypted with the passphrase given");
        }
        throw invalid("it is not a PEM private key");
    }

    private static char[] requirePassword(char @Nullable [] password) {
        if (password == null || password.length == 0) {
            throw invalid("it is encrypted and no passphrase is given");
        }
        return password;
    }

    private static ConfigException invalid(String why) {
        return new ConfigException("JwtAuthenticator: secret_key cannot be used as a private key: " + why);
    }

    /** For callers that need the checked JCA failures as user errors. */
    static ConfigException signingFailed(GeneralSecurityException e) {
        return new ConfigException("JwtAuthenticator: cannot sign the token with secret_key ("
                + e.getClass().getSimpleName() + ")");
    }
}
