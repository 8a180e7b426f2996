package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice builder}'s failures before it serves (the server itself: sluice-builder's tests). */
class BuilderCommandTest {

    @TempDir
    Path folder;

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int exit = Main.execute(new MessageWriter(stdout), args);
        assertThat(stdout.size()).as("nothing on the protocol's stdout").isZero();
        return exit;
    }

    @Test
    void aPortInUseIsAnErrorNotAHang() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("builder", "--manifest", folder.resolve("m.yaml").toString(), "--port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(1);
        }
        assertThat(Files.exists(folder.resolve("m.yaml"))).isFalse();
    }

    @Test
    void aMissingClasspathEntryIsAnError() {
        int exit = run("builder", "--manifest", folder.resolve("m.yaml").toString(), "--classpath",
                folder.resolve("missing.jar").toString());

        assertThat(exit).isEqualTo(1);
    }
}
