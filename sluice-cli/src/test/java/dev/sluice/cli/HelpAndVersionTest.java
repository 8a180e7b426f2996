package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.protocol.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} and {@code --version} on every subcommand, enumerated from picocli's model of {@code sluice}, so
 * that a new subcommand is covered without touching this test.
 */
class HelpAndVersionTest {

    /** The exit code and what was printed on standard output. */
    private record Printed(int exit, String stdout) {
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Main.execute(new MessageWriter(bytes), args);
        return new Printed(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static Stream<String> subcommands() {
        return new CommandLine(Main.class).getSubcommands().keySet().stream();
    }

    @Test
    void everySubcommandIsEnumerated() {
        assertThat(subcommands()).hasSize(Main.subcommands().size())
                .contains("spec", "check", "discover", "read", "validate", "sync", "demo", "demo-api");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpPrintsTheUsageAndExitsZero(String name) {
        for (String help : List.of("--help", "-h")) {
            Printed printed = run(name, help);

            assertThat(printed.exit()).as("exit code of sluice %s %s", name, help).isZero();
            assertThat(printed.stdout()).startsWith("Usage: sluice " + name).doesNotContain("Missing required");
            for (OptionSpec option : spec(name).options()) {
                assertThat(printed.stdout()).contains(option.longestName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everyOptionIsDescribed(String name) {
        for (OptionSpec option : spec(name).options()) {
            assertThat(String.join(" ", option.description())).as("description of %s %s", name, option.longestName())
                    .isNotBlank();
        }
    }

    @Test
    void theVersionIsThePomsVersion() {
        String pomVersion = System.getProperty("sluice.pom.version");
        assertThat(pomVersion).as("surefire passes the pom's version").isNotBlank();

        assertThat(BuildVersion.version()).isEqualTo(pomVersion);
        assertThat(run("--version")).isEqualTo(new Printed(0, "sluice " + pomVersion + System.lineSeparator()));
        assertThat(run("read", "--version")).isEqualTo(new Printed(0, "sluice " + pomVersion + System.lineSeparator()));
    }

    @Test
    void theTopLevelHelpListsEverySubcommand() {
        Printed printed = run("--help");

        assertThat(printed.exit()).isZero();
        subcommands().forEach(name -> assertThat(printed.stdout()).contains(name));
    }

    private static CommandSpec spec(String name) {
        return new CommandLine(Main.class).getSubcommands().get(name).getCommandSpec();
    }
}
