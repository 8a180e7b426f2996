package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRegistryTest {

    @Test
    void keepsMaskingTheFirstSecretAfterManyMore() {
        SecretRegistry registry = new SecretRegistry();
        registry.add("first-token-0001");
        for (int i = 0; i < 1000; i++) {
            registry.add("later-token-" + i);
        }

        assertThat(registry.size()).isEqualTo(1001);
        assertThat(registry.mask(SecretMasker.none(), "refused first-token-0001 and later-token-999"))
                .isEqualTo("refused **** and ****");
    }

    @Test
    void twoRegistriesMaskOnlyTheirOwnSecrets() {
        SecretRegistry one = new SecretRegistry();
        SecretRegistry other = new SecretRegistry();
        one.add("token-of-one");
        other.add("token-of-other");

        assertThat(one.mask(SecretMasker.none(), "token-of-one token-of-other")).isEqualTo("**** token-of-other");
        assertThat(other.mask(SecretMasker.none(), "token-of-one token-of-other")).isEqualTo("token-of-one ****");
    }

    @Test
    void blankAndRepeatedValuesAreNotAdded() {
        SecretRegistry registry = new SecretRegistry();
        registry.add("");
        registry.add("  ");
        registry.add("tok");
        registry.add("tok");

        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void addsFromManyThreadsLoseNothing() throws InterruptedException {
        SecretRegistry registry = new SecretRegistry();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    registry.add("secret-" + thread + "-" + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(registry.size()).isEqualTo(400);
        assertThat(registry.mask(SecretMasker.none(), "secret-0-0 secret-3-99")).isEqualTo("**** ****");
    }

    @Test
    void aWriterMasksWithTheRegistryOfItsRunOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecretRegistry mine = new SecretRegistry();
        SecretRegistry another = new SecretRegistry();
        MessageWriter writer = new MessageWriter(out);
        writer.maskSecrets(SecretMasker.of(Set.of()), mine);
        mine.add("my-token-11");
        another.add("their-token-22");

        writer.write(new AirbyteLog(AirbyteLog.Level.WARN, "my-token-11 their-token-22"));
        writer.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("**** their-token-22");
    }
}
