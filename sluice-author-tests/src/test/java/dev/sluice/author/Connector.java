package dev.sluice.author;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sluice.protocol.AirbyteMessage;
import dev.sluice.protocol.MessageReader;
import dev.sluice.testkit.Output;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector as a command line: {@code java -jar my-source.jar} or {@code ./sluice} with the options that name
 * the connector ({@code --classpath ... --source ...}), which follow the subcommand.
 */
record Connector(String description, List<String> command, List<String> connectorOptions, Map<String, String> env) {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    Connector {
        command = List.copyOf(command);
        connectorOptions = List.copyOf(connectorOptions);
        env = Map.copyOf(env);
    }

    Output spec(Path directory) {
        return run(directory, List.of("spec"));
    }

    Output check(Path directory, Path config) {
        return run(directory, List.of("check", "--config", config.toString()));
    }

    Output discover(Path directory, Path config) {
        return run(directory, List.of("discover", "--config", config.toString()));
    }

    Output read(Path directory, Path config, Path catalog) {
        return run(directory, List.of("read", "--config", config.toString(), "--catalog", catalog.toString()));
    }

    /** Runs a subcommand and parses its standard output, every line of which must be a protocol message. */
    Output run(Path directory, List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.add(arguments.get(0));
        full.addAll(connectorOptions);
        full.addAll(arguments.subList(1, arguments.size()));
        ChildProcess process = ChildProcess.run(directory, env, TIMEOUT, full);
        List<AirbyteMessage> messages = new ArrayList<>();
        for (String line : process.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                messages.add(MessageReader.parse(line));
            } catch (JsonProcessingException e) {
                throw new AssertionError(description + ": a line of standard output is not a protocol message: "
                        + line + "\n" + process.describe(), e);
            }
        }
        assertThat(process.exitCode()).as("%s: %s", description, process.describe()).isZero();
        return new Output(messages, process.exitCode());
    }
}
